import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { type AppLogLevel, LOG_LEVELS } from '../../config/config';

/**
 * Nest's own start-up narration (modules initialised, every route mapped: ~80 lines) is detail
 * for someone debugging the framework, not news for the person who started the API.
 */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** `LOG_LEVEL=log` enables error, warn and log; each level includes the ones before it. */
export function enabledLevels(level: AppLogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as LogLevel[];
}

/** The console logger, with Nest's start-up messages moved to the debug level. */
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
      this.debug(message, ...rest);
      return;
    }
    super.log(message, ...rest);
  }
}
