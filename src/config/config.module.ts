import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigs } from './configuration.js';
import { parseEnv } from './env.schema.js';

/**
 * Validates the environment at boot (a bad value stops the process with a message that
 * names the variable) and exposes one namespace per area, read with
 * `config.getOrThrow('area', { infer: true })`.
 */
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      envFilePath: ['.env'],
      // Tests configure themselves explicitly; a developer's .env must not leak into them.
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      load: allConfigs,
      validate: (raw) => {
        parseEnv(raw);
        return raw;
      },
    }),
  ],
})
export class AppConfigModule {}
