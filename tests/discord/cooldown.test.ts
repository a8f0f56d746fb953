import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

const ALICE = '300000000000000001';
const BOB = '300000000000000002';

/** A clock the test moves by hand. */
function manualClock(start = Date.UTC(2020, 7, 7, 12)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('Cooldown', () => {
  it('allows a burst of three questions at once', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    expect([cooldown.take(ALICE), cooldown.take(ALICE), cooldown.take(ALICE)]).toEqual([0, 0, 0]);
  });

  it('refuses the fourth question with the whole seconds to wait', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    expect(cooldown.take(ALICE)).toBe(10);
  });

  it('asks to wait at least one second even when the refill is a moment away', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    clock.advance(9_999);
    const wait = cooldown.take(ALICE);
    expect(Number.isInteger(wait)).toBe(true);
    expect(wait).toBe(1);
  });

  it('counts down the wait as time passes', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    clock.advance(2_500);
    expect(cooldown.take(ALICE)).toBe(8);
  });

  it('allows a question again once the refill time has passed', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    expect(cooldown.take(ALICE)).toBeGreaterThan(0);
    clock.advance(10_000);
    expect(cooldown.take(ALICE)).toBe(0);
    expect(cooldown.take(ALICE)).toBeGreaterThan(0);
  });

  it('refills the whole burst after a long pause, and no more than the burst', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    clock.advance(60 * 60 * 1_000);
    expect([cooldown.take(ALICE), cooldown.take(ALICE), cooldown.take(ALICE)]).toEqual([0, 0, 0]);
    expect(cooldown.take(ALICE)).toBeGreaterThan(0);
  });

  it('keeps users independent: one user cooling down does not slow another', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    expect(cooldown.take(ALICE)).toBeGreaterThan(0);
    expect([cooldown.take(BOB), cooldown.take(BOB), cooldown.take(BOB)]).toEqual([0, 0, 0]);
  });

  it('follows the burst and refill time it is given', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({ burst: 1, refillSeconds: 30 }, clock.now);
    expect(cooldown.take(ALICE)).toBe(0);
    expect(cooldown.take(ALICE)).toBe(30);
    clock.advance(30_000);
    expect(cooldown.take(ALICE)).toBe(0);
  });

  it('still limits a user after more than a thousand others have asked', () => {
    const clock = manualClock();
    const cooldown = new Cooldown({}, clock.now);
    for (let i = 0; i < 3; i += 1) cooldown.take(ALICE);
    for (let user = 0; user < 1_200; user += 1) cooldown.take(`4000000000000${String(user).padStart(5, '0')}`);
    expect(cooldown.take(ALICE)).toBeGreaterThan(0);
  });
});
