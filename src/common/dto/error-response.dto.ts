import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one body every error response has. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'RECEIPT_NOT_FOUND', description: 'Stable, machine-readable code' })
  code: string;

  @ApiProperty({ example: 'Receipt not found' })
  message: string;

  @ApiProperty({
    example: '9f1c2a6e-52c1-4a43-9d39-3c0f6c2f8f0e',
    description: 'Echo of X-Request-ID',
  })
  requestId: string;

  @ApiPropertyOptional({
    description: 'Extra detail; for VALIDATION_FAILED a list of { field, messages }',
    example: [{ field: 'email', messages: ['email must be an email'] }],
  })
  details?: unknown;
}
