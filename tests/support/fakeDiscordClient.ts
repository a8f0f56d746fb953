/**
 * A real discord.js client against the fake Discord, for the tests of the fake itself: the fake
 * and the client are started together and torn down together.
 */
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fakeDiscord.js';

/** Options for {@link startClientWithFakeDiscord} and {@link connectClientToFakeDiscord}; every field is optional. */
export interface ClientWithFakeDiscordOptions {
  /** Options of the fake Discord. */
  readonly fake?: FakeDiscordOptions;
  /** The intents the client asks for. Default Guilds only, as Dossier. */
  readonly intents?: readonly GatewayIntentBits[];
  /** Runs on the fake before the client logs in (a role to create…). */
  readonly prepare?: (fake: FakeDiscord) => void;
}

/** A fake Discord and a discord.js client pointed at it. */
export interface ClientWithFakeDiscord {
  readonly fake: FakeDiscord;
  readonly client: Client;
}

const running: ClientWithFakeDiscord[] = [];

/**
 * Starts a fake Discord and a client pointed at it, not yet logged in;
 * {@link stopClientsWithFakeDiscord} destroys the client and closes the fake.
 */
export async function startClientWithFakeDiscord(options: ClientWithFakeDiscordOptions = {}): Promise<ClientWithFakeDiscord> {
  const fake = await startFakeDiscord(options.fake);
  options.prepare?.(fake);
  const client = new Client({ intents: [...(options.intents ?? [GatewayIntentBits.Guilds])], rest: { api: fake.apiBase } });
  const started = { fake, client };
  running.push(started);
  return started;
}

/** Like {@link startClientWithFakeDiscord}, and logs the client in, resolving once it is ready. */
export async function connectClientToFakeDiscord(options: ClientWithFakeDiscordOptions = {}): Promise<ClientWithFakeDiscord> {
  const started = await startClientWithFakeDiscord(options);
  const ready = new Promise<void>((resolve) => started.client.once(Events.ClientReady, () => resolve()));
  await started.client.login('fake-token');
  await ready;
  return started;
}

/** Destroys every client started here and closes its fake Discord (call it in `afterEach`). */
export async function stopClientsWithFakeDiscord(): Promise<void> {
  for (const { fake, client } of running.splice(0)) {
    await client.destroy();
    await fake.close();
  }
}

/** The next interaction the client receives. */
export function nextInteraction(client: Client): Promise<Interaction> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}
