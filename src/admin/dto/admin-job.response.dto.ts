import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** A job as an operator sees it: where it is and why it failed, without its payload. */
@ApiSchema({ name: 'AdminJob', description: 'A queue job with its state and failure reason' })
export class AdminJobDto {
  @ApiProperty({ example: 'receipts' })
  queue: string;

  @ApiProperty({ description: 'For receipt jobs, the receipt id' })
  id: string;

  @ApiProperty({ example: 'process-receipt' })
  name: string;

  @ApiProperty({ enum: ['waiting', 'active', 'delayed', 'failed', 'completed', 'paused'] })
  state: string;

  @ApiProperty()
  attemptsMade: number;

  @ApiPropertyOptional({ description: 'Why the last attempt failed' })
  failedReason?: string;

  @ApiProperty({ description: 'When the job was added (ISO 8601)' })
  createdAt: string;

  @ApiPropertyOptional()
  finishedAt?: string;
}
