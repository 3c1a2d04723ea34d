import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Body of register and login. Lengths are checked before any hashing happens. */
@ApiSchema({ name: 'Credentials', description: 'Email and password' })
export class CredentialsDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  // Surrounding blanks are a typing accident, not part of the address.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be an email address' })
  email: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN,
    maxLength: PASSWORD_MAX,
  })
  @IsString()
  @MinLength(PASSWORD_MIN)
  @MaxLength(PASSWORD_MAX)
  password: string;
}
