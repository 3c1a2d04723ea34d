import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The User-Agent a session signed in with, so the account page can tell "Firefox on Windows"
 * from "curl" when you decide which session to sign out (issue 12). A hint, not proof.
 */
export class AddSessionUserAgent1796070000000 implements MigrationInterface {
  name = 'AddSessionUserAgent1796070000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions ADD COLUMN user_agent varchar(255)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE auth_sessions DROP COLUMN user_agent`);
  }
}
