import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class TagNameDto {
  @ApiProperty({ example: 'travel', description: '1–50 characters; case-insensitive' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}
