/**
 * Running sharded: discord.js's ShardingManager starts one process per shard, each running this
 * same program (it sets `SHARDING_MANAGER`, `SHARDS` and `SHARD_COUNT` for them), each loading the
 * index from the same snapshot. The manager itself holds no index and answers nothing.
 * See https://discordjs.guide/sharding/
 */
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Logger } from '../log.js';

/** How long a shard may take to load its index and connect before the start counts as failed. */
const SHARD_READY_TIMEOUT_MS = 120_000;
/** Discord allows one IDENTIFY per 5 s per bucket: shards are started that far apart. */
const SHARD_SPAWN_DELAY_MS = 5_500;

export interface ShardingOptions {
  /** The program each shard runs (this one, built). */
  readonly file: string;
  readonly token: string;
  /** A number of shards, or `auto`: as many as Discord recommends (`GET /gateway/bot`). */
  readonly shards: number | 'auto';
  readonly apiBase?: string;
  readonly log: Logger;
  /** The exit code with which a shard says no restart can fix it (a rejected token, refused intents). */
  readonly unrecoverableExitCode?: number;
  /** Called, once every shard is stopped, after a shard exited with {@link ShardingOptions.unrecoverableExitCode}. */
  readonly onUnrecoverable?: () => void;
}

export interface RunningShards {
  readonly count: number;
  /** Stops respawning and asks every shard to shut down gracefully (SIGTERM); resolves when all have exited. */
  stop(): Promise<void>;
}

/** Starts the shards one after the other and resolves once every one is ready. */
export async function startShards(options: ShardingOptions): Promise<RunningShards> {
  const { log } = options;
  const count = options.shards === 'auto' ? await recommendedShardCount(options.token, options.apiBase) : options.shards;
  const manager = new ShardingManager(options.file, { token: options.token, totalShards: count, mode: 'process', respawn: true, execArgv: process.execArgv });
  manager.on('shardCreate', (shard: Shard) => {
    log.info({ shardId: shard.id, count }, 'shard starting');
    shard.on('ready', () => log.info({ shardId: shard.id }, 'shard ready'));
    shard.on('error', (error) => log.error({ shardId: shard.id, err: error }, 'shard error'));
    shard.on('death', (child) => {
      const exitCode = 'exitCode' in child ? child.exitCode : null;
      if (options.unrecoverableExitCode !== undefined && exitCode === options.unrecoverableExitCode) {
        log.fatal({ shardId: shard.id, exitCode }, 'a shard stopped for a reason no restart can fix (see its fatal line): stopping every shard');
        // discord.js decided to respawn this shard before emitting `death`: stop the new process
        // too, once it exists, and respawn nothing more (it would fail the same way).
        manager.respawn = false;
        setImmediate(() => void stop().then(() => options.onUnrecoverable?.()));
        return;
      }
      log.warn({ shardId: shard.id, exitCode }, 'shard process exited');
    });
  });
  const stop = async (): Promise<void> => {
    manager.respawn = false;
    await Promise.all([...manager.shards.values()].map(stopShard));
  };
  try {
    await manager.spawn({ amount: count, delay: SHARD_SPAWN_DELAY_MS, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    await stop();
    throw error;
  }
  return { count, stop };
}

function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The shard count Discord recommends, asked of the configured API base (discord.js's own helper
 * always asks discord.com, which a proxy or the test's fake Discord would not see).
 */
async function recommendedShardCount(token: string, apiBase?: string): Promise<number> {
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}
