import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'QueueCounts', description: 'Jobs of a queue per state' })
export class QueueCountsDto {
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() delayed: number;
  @ApiProperty() failed: number;
  @ApiProperty() completed: number;
  @ApiProperty() paused: number;
}

@ApiSchema({ name: 'QueueSummary', description: 'A queue as an operator sees it' })
export class QueueSummaryDto {
  @ApiProperty({ example: 'receipts' })
  name: string;

  @ApiProperty({ description: 'Paused for every worker (global pause)' })
  paused: boolean;

  @ApiProperty({ type: QueueCountsDto })
  counts: QueueCountsDto;
}

@ApiSchema({ name: 'QueueActionResult', description: 'What an admin action on a queue did' })
export class QueueActionResultDto {
  @ApiProperty({ example: 'receipts' })
  queue: string;

  @ApiProperty({ description: 'Jobs retried or removed (0 for pause and resume)' })
  affected: number;
}
