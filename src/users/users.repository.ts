import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors/index.js';
import { UserEntity } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /**
   * Inserts a user; a concurrent or earlier registration of the same email is EMAIL_TAKEN.
   * The first account of an installation becomes its admin; the advisory lock makes "first"
   * mean one account even when two register at the same moment.
   */
  async create(email: string, passwordHash: string): Promise<UserEntity> {
    try {
      const id = await this.users.manager.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtext('receipt-vault:first-admin'))`);
        const rows: { id: string }[] = await tx.query(
          `INSERT INTO users (email, password_hash, role)
           SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'user' ELSE 'admin' END
           RETURNING id`,
          [email, passwordHash],
        );
        return rows[0].id;
      });
      return (await this.findById(id))!;
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new AppError(ErrorCode.EMAIL_TAKEN, 'An account with this email already exists');
      }
      throw error;
    }
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The only read that returns the password hash, for verifying a login. */
  findWithHashByEmail(email: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }
}
