import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from '../errors/error-code.js';

/** The one body every error response has. */
@ApiSchema({ name: 'Error', description: 'The body of every error response' })
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({
    enum: Object.values(ErrorCode),
    enumName: 'ErrorCode',
    example: 'RECEIPT_NOT_FOUND',
    description: 'Stable, machine-readable code',
  })
  code: ErrorCode;

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
