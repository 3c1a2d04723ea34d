import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The multipart body of a batch upload, for the OpenAPI document (it is parsed as a stream). */
@ApiSchema({ name: 'ReceiptBatchUpload', description: 'The multipart body of a batch upload' })
export class UploadBatchDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', format: 'binary' },
    description:
      'One `file` part per receipt (the field repeated), 1 to BATCH_MAX_FILES (100) of them; each is ' +
      'checked like a single upload (type from the bytes, up to MAX_UPLOAD_BYTES).',
  })
  file: unknown[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'Given to every receipt of the batch' })
  note?: string;

  @ApiPropertyOptional({
    description:
      'Given to every receipt of the batch. Comma-separated, or the field repeated; at most 20 tags of 50 characters',
  })
  tags?: string;
}
