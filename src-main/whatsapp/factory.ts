/** Builds the driver for an account: the simulator for demo accounts, whatsapp-web.js otherwise. */
import path from 'node:path';
import type { Clock } from '#main/kernel/clock';
import type { DriverFactory } from './driver';
import { SimulatorDriver } from './simulator/simulator-driver';
import { WwebDriver } from './wweb/wweb-driver';

export type DriverFactoryOptions = {
  dataDir: string;
  clock: Clock;
  /** The browser path set in Settings ('' = find one). Read at every (re)connect. */
  browserPath: () => string;
  /** Divides the simulator's delays (tests and demos run it faster). */
  simulatorSpeed?: number;
};

export function createDriverFactory(options: DriverFactoryOptions): DriverFactory {
  return (account) => {
    if (account.driver === 'simulator') {
      return new SimulatorDriver({
        accountId: account.id,
        seed: account.seed,
        sessionDir: account.sessionDir,
        logDir: path.join(options.dataDir, 'simulator'),
        clock: options.clock,
        speed: options.simulatorSpeed ?? 1,
      });
    }
    return new WwebDriver({
      accountId: account.id,
      sessionDir: account.sessionDir,
      cacheDir: path.join(options.dataDir, 'whatsapp-web-cache'),
      browserPath: options.browserPath() || null,
      clock: options.clock,
    });
  };
}
