import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { UserEntity } from './user.entity.js';

@ApiSchema({ name: 'User', description: 'An account' })
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty()
  createdAt: string;

  static from(user: UserEntity): UserResponseDto {
    return { id: user.id, email: user.email, createdAt: user.createdAt.toISOString() };
  }
}
