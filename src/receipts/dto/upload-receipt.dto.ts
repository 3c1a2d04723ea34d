import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The multipart body of an upload, for the OpenAPI document (it is parsed as a stream). */
@ApiSchema({ name: 'ReceiptUpload', description: 'The multipart body of an upload' })
export class UploadReceiptDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'JPEG, PNG, WebP, TIFF or PDF; the type is decided from the bytes. Up to MAX_UPLOAD_BYTES.',
  })
  file: unknown;

  @ApiPropertyOptional({ maxLength: 1000 })
  note?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated, or the field repeated; at most 20 tags of 50 characters',
  })
  tags?: string;
}
