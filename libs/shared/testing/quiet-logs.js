import { Logger } from '@nestjs/common';

// In a test process the apps' own loggers are not set up: without this, Nest writes every debug line (one
// per applied event, per answered request), which buries a failing test's output and slows the run.
Logger.overrideLogger(['log', 'warn', 'error', 'fatal']);
