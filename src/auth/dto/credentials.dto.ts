import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/**
 * Characters that change how an address reads without being visible: controls, format
 * characters (zero-width space/joiners, bidi overrides such as U+202E), separators, private
 * use and unassigned code points. Refused rather than stripped, so `a\u200b@x.com` cannot
 * become a second account that looks like `a@x.com`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\s]/u;
const VISIBLE_ONLY = new RegExp(`^[^${INVISIBLE.source.slice(1, -1)}]*$`, 'u');

/** NFKC folds compatibility forms (fullwidth letters, ligatures) into one spelling. */
function normaliseEmail(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().normalize('NFKC') : value;
}

/** Body of register and login. Lengths are checked before any hashing happens. */
@ApiSchema({ name: 'Credentials', description: 'Email and password' })
export class CredentialsDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  // Surrounding blanks are a typing accident, not part of the address.
  @Transform(({ value }: { value: unknown }) => normaliseEmail(value))
  @IsString()
  @MaxLength(254)
  @Matches(VISIBLE_ONLY, { message: 'email must not contain invisible or control characters' })
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
