import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AuthUser } from '../auth/auth-user.js';
import type { AllConfig } from '../config/configuration.js';
import { normaliseEmail } from '../users/normalise-email.js';
import { UsersRepository } from '../users/users.repository.js';

/**
 * Who is an admin: an account whose stored role is `admin` (the first one registered), or
 * whose email is in ADMIN_EMAILS. Read from the database on each admin request — they are
 * rare — so a demotion takes effect at once.
 */
@Injectable()
export class AdminAccess {
  private readonly adminEmails: Set<string>;

  constructor(
    private readonly users: UsersRepository,
    config: ConfigService<AllConfig, true>,
  ) {
    this.adminEmails = new Set(
      config.getOrThrow('admin', { infer: true }).emails.map((e) => normaliseEmail(e)),
    );
  }

  async isAdmin(user: AuthUser): Promise<boolean> {
    if (this.adminEmails.has(user.email)) return true;
    return (await this.users.findById(user.id))?.role === 'admin';
  }
}
