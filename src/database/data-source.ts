import { DataSource } from 'typeorm';
import { databaseUrlFromEnvironment } from '../config/database-url.js';
import { buildDataSourceOptions } from './database-options.js';

// For the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`), which wants a
// module whose default export is a DataSource.
export default new DataSource(buildDataSourceOptions({ url: databaseUrlFromEnvironment() }));
