/**
 * IPv4 CIDR blocks as VPCs and subnets use them: parsing (the address must be the
 * block's first), containment, overlap, and the addresses a subnet hands out. AWS
 * reserves the first four addresses and the last one of every subnet
 * (VPC User Guide, "Subnet CIDR blocks"), so a /28 holds 11 usable addresses.
 *
 * @module
 */

/** A parsed IPv4 block. */
export interface Cidr {
  /** The first address, as an unsigned 32-bit number. */
  base: number;
  /** The prefix length, 0 to 32. */
  prefix: number;
}

/** Addresses AWS reserves at the start of every subnet. */
export const RESERVED_AT_START = 4;
/** Addresses AWS reserves at the end of every subnet (the broadcast address). */
export const RESERVED_AT_END = 1;

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; undefined when it is not a block (a host address with a mask is not one). */
export function parseCidr(text: string): Cidr | undefined {
  const m = DOTTED.exec(text);
  if (m === null) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (base % blockSize(prefix) !== 0) return undefined;
  return { base, prefix };
}

/** How many addresses a prefix length spans. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The dotted form of an address. */
export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix);
}

/** Whether two blocks share an address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

/** How many addresses of a subnet instances can use. */
export function usableAddresses(block: Cidr): number {
  return Math.max(0, blockSize(block.prefix) - RESERVED_AT_START - RESERVED_AT_END);
}

/** The `n`th usable address of a subnet (from 0). */
export function usableAddress(block: Cidr, n: number): string {
  return formatAddress(block.base + RESERVED_AT_START + n);
}

/** Whether a dotted address lies in a block. */
export function addressIn(block: Cidr, address: string): boolean {
  const parsed = parseCidr(`${address}/32`);
  return parsed !== undefined && contains(block, parsed);
}
