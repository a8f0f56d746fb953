/**
 * The fake Discord's world, as the bot sees it: one bot (whose user id is also the application
 * id), one guild with one text channel and its roles, the human members who trigger interactions,
 * the messages sent or posted so far, and the commands registered in each scope.
 */
import {
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  type MessageFlags,
  MessageType,
  type APIApplicationCommand,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type RoleFlags,
  type Snowflake,
} from 'discord-api-types/v10';
import { discordTimestamp, MEMBER_PERMISSIONS, nextSnowflake } from './discordValues.js';

export class FakeGuild {
  /** The bot user, as sent in READY. Its id is also the application id. */
  readonly botUser: APIUser;
  /** The human user who triggers interactions by default. */
  readonly user: APIUser;
  readonly guildId: Snowflake;
  readonly textChannel: APIGuildTextChannel<ChannelType.GuildText>;
  /** Messages by id: sent through interactions, or posted by members. */
  readonly messages = new Map<Snowflake, APIMessage>();
  /** Registered commands by scope: `'global'` or a guild id. */
  readonly commandsByScope = new Map<string, APIApplicationCommand[]>();

  private readonly everyoneRole: APIRole;
  /** Roles made by {@link addRole}, after @everyone. */
  private readonly roles: APIRole[] = [];
  private readonly users = new Map<Snowflake, APIUser>();

  constructor(
    botUsername: string,
    private readonly guildName: string,
  ) {
    this.botUser = this.rememberUser({
      id: nextSnowflake(),
      username: botUsername,
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    });
    this.user = this.userFor(nextSnowflake());
    this.guildId = nextSnowflake();
    this.everyoneRole = {
      id: this.guildId,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: MEMBER_PERMISSIONS.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
    this.textChannel = {
      id: nextSnowflake(),
      type: ChannelType.GuildText,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
    };
  }

  /** The application id, which equals the bot user's id. */
  get applicationId(): Snowflake {
    return this.botUser.id;
  }

  /** Adds a role to the guild, after the roles made before it. */
  addRole(name: string, permissions: bigint): APIRole {
    const role: APIRole = { ...this.everyoneRole, id: nextSnowflake(), name, position: this.roles.length + 1, permissions: permissions.toString() };
    this.roles.push(role);
    return role;
  }

  /** Stores a message a member posted in the channel. */
  postMessage(content: string, userId: Snowflake): APIMessage {
    const author = this.userFor(userId);
    const message = this.newMessage({ id: nextSnowflake(), type: MessageType.Default, content, author });
    const { webhook_id: _webhook, application_id: _application, ...fromMember } = message;
    this.messages.set(fromMember.id, fromMember);
    return fromMember;
  }

  private rememberUser(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  /** The known user with `id`, or a new plausible human user. */
  userFor(id: Snowflake): APIUser {
    return (
      this.users.get(id) ??
      this.rememberUser({
        id,
        username: `tester${id.slice(-4)}`,
        discriminator: '0',
        global_name: `Tester ${id.slice(-4)}`,
        avatar: null,
      })
    );
  }

  /** A member of the guild, as GUILD_CREATE lists it. */
  guildMember(user: APIUser, joinedAt: string): APIGuildMember {
    return {
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** The id of the registered command with that name, so ids match what the bot registered. */
  commandIdFor(name: string, type: ApplicationCommandType = ApplicationCommandType.ChatInput): Snowflake {
    for (const commands of this.commandsByScope.values()) {
      const match = commands.find((command) => command.name === name && command.type === type);
      if (match) return match.id;
    }
    return nextSnowflake();
  }

  /** A stored message wins; otherwise a bot message carrying a button with `customId`. */
  componentMessage(partial: Partial<APIMessage> & Pick<APIMessage, 'id'>, customId: string): APIMessage {
    const stored = this.messages.get(partial.id);
    if (stored) return stored;
    const message: APIMessage = {
      ...this.newMessage({ id: partial.id, type: MessageType.Default }),
      content: 'A message with a button',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: customId }],
        },
      ],
      ...partial,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** A message in the channel, sent by the bot through its application unless `fields` says otherwise. */
  newMessage(fields: Pick<APIMessage, 'id' | 'type'> & Partial<APIMessage>): APIMessage {
    return {
      channel_id: this.textChannel.id,
      author: this.botUser,
      content: '',
      timestamp: discordTimestamp(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0 as MessageFlags,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...fields,
    };
  }

  /** The GUILD_CREATE payload sent after READY: the guild, its channel, roles and two members. */
  guildCreate(): GatewayGuildCreateDispatchData {
    const joinedAt = discordTimestamp();
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.Low,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.AllMembers,
      roles: [this.everyoneRole, ...this.roles],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: this.textChannel.id,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
      rules_channel_id: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      region: 'deprecated',
      joined_at: joinedAt,
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [this.guildMember(this.botUser, joinedAt), this.guildMember(this.user, joinedAt)],
      channels: [this.textChannel],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
