import { AutoScaleConnection } from '../../src/autoscale';
import { WireMock } from './wire';

/** An Auto Scaling connection whose requests go to a fresh WireMock. */
export function autoscaleOnWire(): { wire: WireMock; conn: AutoScaleConnection } {
  const wire = new WireMock();
  const conn = new AutoScaleConnection('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', {
    region: 'us-east-1',
    requestHandler: wire.handler,
    maxAttempts: 1,
  });
  return { wire, conn };
}
