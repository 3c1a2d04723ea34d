import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles: `admin` (queues, jobs, bull-board) or `user`. Issue 11. */
export class AddUserRole1796040000000 implements MigrationInterface {
  name = 'AddUserRole1796040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users ADD COLUMN role varchar(16) NOT NULL DEFAULT 'user'
        CONSTRAINT users_role_known CHECK (role IN ('user', 'admin'))`);
    // An existing installation gets the admin it would have had: its first account.
    await q.query(`
      UPDATE users SET role = 'admin'
      WHERE id = (SELECT id FROM users ORDER BY created_at, id LIMIT 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN role`);
  }
}
