import pg from 'pg';

type Handler = (payload: string) => void;

/** How the listening connections show in pg_stat_activity. */
export const NOTIFICATIONS_APP_NAME = 'yibao-notifications';

/**
 * One connection per process that LISTENs to PostgreSQL's notifications (sent at commit by
 * `pg_notify`), so that several API processes learn of each other's writes at once. When the
 * connection drops, it reconnects with a growing delay and calls `onReconnect` (anything may have
 * changed meanwhile); `closed` tells whether notifications are being received.
 */
export class Notifications {
  private client: pg.Client | null = null;
  private handlers = new Map<string, Handler[]>();
  private stopped = false;
  private delay = 100;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly onReconnect: () => void = () => {},
  ) {}

  get listening(): boolean {
    return this.client !== null;
  }

  on(channel: string, handler: Handler): this {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
    return this;
  }

  /** Connect and LISTEN; resolves once listening (or rejects when the first attempt fails). */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: NOTIFICATIONS_APP_NAME });
    client.on('notification', (n) => {
      for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`listen ${channel}`);
    if (this.stopped) return void (await client.end().catch(() => {}));
    this.client = client;
    this.delay = 100;
  }

  private lost(client: pg.Client) {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.onReconnect();
    this.retry();
  }

  private retry() {
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.start().then(this.onReconnect, () => {
        this.delay = Math.min(this.delay * 2, 5_000);
        this.retry();
      });
    }, this.delay);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}
