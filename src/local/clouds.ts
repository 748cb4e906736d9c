/**
 * The clouds of one botoscale local server, one per region: a request is served by the
 * cloud of the region it was signed for, as AWS keeps each region's resources apart. The
 * default region's cloud exists from the start; another region's is made the first time
 * a request (or a control input) names it. All of them share the server's one simulated
 * clock and account, and each clock step steps every cloud, in region-name order, so
 * that a replayed journal hands out the ids the steps made to the same resources.
 *
 * @module
 */
import type { SimClock } from './clock';
import { LocalCloud, type CloudOptions, type CloudSnapshot, type RegionSnapshot } from './cloud';
import { isKnownRegion, knownRegions } from './ec2/regions';
import { commonError, type ServiceError } from './errors';
import type { IdRecorder } from './ids';
import { ControlInputError } from './spot-control';

/** Options of a {@link CloudSet}: the default region, the shared clock, and what every region's cloud is made with. */
export type CloudSetOptions = Omit<CloudOptions, 'region' | 'clock' | 'stepsWithClock'> & {
  /** The default region: unsigned requests and control inputs naming no region go to its cloud. */
  region: string;
  /** The clock every region shares. */
  clock: SimClock;
};

/**
 * AWS's answer to a request whose SigV4 credential scope names a region it does not have
 * (`SignatureDoesNotMatch`, HTTP 403), word for word, trailing space included, as AWS's
 * services send it (for example the SQS error body quoted in boto/boto#3688: `Credential
 * should be scoped to a valid region, not 'queue'. `; the IAM User Guide, "Troubleshoot
 * Signature Version 4 signing for AWS API requests", lists the message under credential errors).
 */
export function invalidRegionError(region: string): ServiceError {
  return commonError('SignatureDoesNotMatch', `Credential should be scoped to a valid region, not '${region}'. `);
}

/** The error a region botoscale local does not serve gets where it is given outside a signature (a control input). */
export function unknownRegion(region: unknown): ControlInputError {
  return new ControlInputError(`give "region": one of the regions botoscale local serves (${knownRegions().join(', ')}), got ${JSON.stringify(region) ?? 'nothing'}`);
}

/** Every region's cloud of a server, as the state file holds them. */
export interface CloudSetSnapshot {
  /** The default region's snapshot, with the clock. */
  cloud: CloudSnapshot;
  /** Every other region's snapshot, by region. */
  regions: Record<string, RegionSnapshot>;
}

/** The region's clouds of one server, on one clock. */
export class CloudSet {
  /** The default region. */
  readonly defaultRegion: string;
  /** The clock all regions share. */
  readonly clock: SimClock;
  /** The default region's cloud. */
  readonly default: LocalCloud;
  readonly #options: CloudSetOptions;
  readonly #clouds = new Map<string, LocalCloud>();
  #stepOrder: LocalCloud[] = [];
  #idRecorder: IdRecorder | undefined;
  /** Past every revision a dropped cloud reached: where a cloud made again starts. */
  #revisionFloor = 0;
  readonly #unsubscribe: () => void;
  /**
   * Makes a region's cloud on first use through `make`: the server sets it to journal the
   * making (with the ids it hands out) with `--state`; unset, `make` is called directly.
   */
  onCreate: ((region: string, make: () => LocalCloud) => LocalCloud) | undefined;

  constructor(options: CloudSetOptions) {
    this.defaultRegion = options.region;
    this.clock = options.clock;
    this.#options = options;
    this.default = this.create(options.region);
    this.#unsubscribe = this.clock.onStep((now) => {
      for (const cloud of this.#stepOrder) cloud.step(now);
    });
  }

  /** Whether requests for `region` are served: a region botoscale local knows, or the server's default. */
  serves(region: string): boolean {
    return region === this.defaultRegion || isKnownRegion(region);
  }

  /** The region's cloud if it has been made. */
  find(region: string): LocalCloud | undefined {
    return this.#clouds.get(region);
  }

  /** The region's cloud, made on first use; throws a `ControlInputError` naming the regions served for one not served. */
  get(region: string): LocalCloud {
    const found = this.#clouds.get(region);
    if (found !== undefined) return found;
    if (typeof region !== 'string' || !this.serves(region)) throw unknownRegion(region);
    return this.onCreate === undefined ? this.create(region) : this.onCreate(region, () => this.create(region));
  }

  /** The cloud of `region` (undefined: the default), made now if it is not yet: what a journal's replay and a snapshot's restore use. */
  create(region: string = this.defaultRegion): LocalCloud {
    const found = this.#clouds.get(region);
    if (found !== undefined) return found;
    const { region: _default, clock: _clock, ...rest } = this.#options;
    const cloud = new LocalCloud({ ...rest, region, clock: this.clock, stepsWithClock: false, revision: this.#revisionFloor });
    cloud.idRecorder = this.#idRecorder;
    this.#clouds.set(region, cloud);
    this.#stepOrder = [...this.#clouds.values()].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    return cloud;
  }

  /** How many regions have a cloud. */
  get size(): number {
    return this.#clouds.size;
  }

  /** The regions that have a cloud, sorted. */
  regions(): string[] {
    return this.#stepOrder.map((c) => c.region);
  }

  /** Every region's cloud, in region-name order. */
  all(): readonly LocalCloud[] {
    return this.#stepOrder;
  }

  /** The sum of every cloud's revision: it grows with every change any of them knows of. */
  get revision(): number {
    let sum = 0;
    for (const cloud of this.#stepOrder) sum += cloud.revision;
    return sum;
  }

  /** Records a change in every region (a rollback rebuilt them all). */
  touch(): void {
    for (const cloud of this.#stepOrder) cloud.touch();
  }

  /** Sees the ids every clock step of every region makes (the `--state` journal records them). */
  get idRecorder(): IdRecorder | undefined {
    return this.#idRecorder;
  }

  /** Makes `recorder` see the ids of every region's steps, the regions made later included. */
  set idRecorder(recorder: IdRecorder | undefined) {
    this.#idRecorder = recorder;
    for (const cloud of this.#stepOrder) cloud.idRecorder = recorder;
  }

  /** The default region's snapshot (with the clock) and every other region's. */
  snapshot(): CloudSetSnapshot {
    const regions: Record<string, RegionSnapshot> = {};
    for (const cloud of this.#stepOrder) {
      if (cloud === this.default) continue;
      const { clock: _clock, ...rest } = cloud.snapshot();
      regions[cloud.region] = rest;
    }
    return { cloud: this.default.snapshot(), regions };
  }

  /**
   * Replaces every region's state with a snapshot's: the default region's and the clock
   * from `cloud`, the others from `regions`; a region not in it loses its cloud.
   */
  restore(cloud: CloudSnapshot, regions: Readonly<Record<string, RegionSnapshot>>): void {
    for (const [region, existing] of this.#clouds) {
      if (existing === this.default || Object.prototype.hasOwnProperty.call(regions, region)) continue;
      this.#revisionFloor = Math.max(this.#revisionFloor, existing.revision + 1);
      existing.dispose();
      this.#clouds.delete(region);
    }
    this.#stepOrder = this.#stepOrder.filter((c) => this.#clouds.get(c.region) === c);
    this.default.restore(cloud);
    for (const [region, snapshot] of Object.entries(regions)) {
      if (region === this.defaultRegion) continue;
      if (!this.serves(region)) throw unknownRegion(region);
      this.create(region).restore({ ...snapshot, clock: this.clock.toJSON() });
    }
  }

  /** Detaches every cloud from the clock. */
  dispose(): void {
    this.#unsubscribe();
    for (const cloud of this.#stepOrder) cloud.dispose();
  }
}
