import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { UserEntity, UserRole } from './user.entity.js';

@ApiSchema({ name: 'User', description: 'An account' })
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({
    enum: ['user', 'admin'],
    description: 'Stored role; ADMIN_EMAILS may grant admin rights on top',
  })
  role: UserRole;

  @ApiProperty()
  createdAt: string;

  static from(user: UserEntity): UserResponseDto {
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
