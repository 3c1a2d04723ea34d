import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { SourceBoxDto } from './source-box.dto.js';

@ApiSchema({ name: 'FieldSource', description: 'The OCR line a value was read from' })
export class FieldSourceDto {
  @ApiProperty({ example: 17, description: 'Index of the OCR line, 0-based over all pages' })
  line: number;

  @ApiProperty({ example: 'TOTAL  42.50', description: 'The text of that line' })
  text: string;

  @ApiPropertyOptional({ example: 1, description: 'The page of that line, 1-based' })
  page?: number;

  @ApiPropertyOptional({ type: SourceBoxDto, description: 'Where the line is on its page' })
  box?: SourceBoxDto;

  @ApiPropertyOptional({
    type: [String],
    enum: ['tesseract', 'ppocr'],
    example: ['ppocr', 'tesseract'],
    description:
      'The OCR engine(s) whose reading gave the value: both when the engines agreed (or PP-OCR characters took tesseract word spacing); absent for PDF text layers',
  })
  engines?: Array<'tesseract' | 'ppocr'>;
}
