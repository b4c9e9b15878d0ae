using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inbox.Bench;

/// <summary>
/// Writes a year of a busy team's data straight into a migrated database: channels of every kind, 10 agents in two
/// teams, and conversations of one to three episodes, each a few customer messages with replies after a realistic
/// spread of delays (some never answered, some after the window with a HUMAN_AGENT reply or a template).
/// </summary>
public static class BenchData
{
    private static readonly (string Key, string Kind, double Share)[] Channels =
        [("fb-main", "Messenger", 0.4), ("fb-outlet", "Messenger", 0.15), ("ig", "Instagram", 0.15), ("wa", "WhatsApp", 0.2), ("line", "Line", 0.1)];

    public static async Task<long> GenerateAsync(string connectionString, int conversations, int messagesWanted, DateTime now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA synchronous=OFF;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var at = F(now);
        for (var c = 0; c < Channels.Length; c++)
        {
            await Execute(connection, $"INSERT INTO Channels (Id, Key, Kind, Name, ExternalId, HumanAgentApproved, Simulated, CreatedAt, FromConfiguration, LineQuotaLimit, LineQuotaUsed, LineQuotaCheckedAt) VALUES ({c + 1}, '{Channels[c].Key}', '{Channels[c].Kind}', '{Channels[c].Key}', '{c}', 1, 0, '{at}', 0, 30000, 11234, '{at}');");
        }

        await Execute(connection, "INSERT INTO Teams (Id, Name, AutoAssignMode) VALUES (1, 'Support', 'Off'), (2, 'Sales', 'Off');");
        for (var a = 1; a <= 10; a++)
        {
            await Execute(connection, $"INSERT INTO Agents (Id, Name, Email, TeamId, Away) VALUES ({a}, 'Agent {a}', 'agent{a}@bench.test', {1 + (a % 2)}, 0);");
        }

        var contact = Prepare(connection, "INSERT INTO Contacts (Id, ChannelId, ExternalId, Name, CreatedAt) VALUES ($id, $channel, $external, 'Customer', $at)");
        var conversation = Prepare(connection, "INSERT INTO Conversations (Id, ChannelId, ContactId, Kind, Status, AssigneeId, TeamId, LastInboundAt, StartedFromAd, PrivateReplyUsed, UnreadCount, CreatedAt, LastMessageAt) VALUES ($id, $channel, $id, 'Direct', $status, $agent, $team, $last, 0, 0, 0, $created, $lastMessage)");
        var message = Prepare(connection, "INSERT INTO Messages (ConversationId, ChannelId, Direction, Author, Text, SentAt, CreatedAt, ReplyType, Status, AgentId, Standby, SendAttempts) VALUES ($conversation, $channel, $direction, $author, 'text', $at, $at, $type, $status, $agent, 0, 0)");
        var random = new Random(42);
        var perConversation = (double)messagesWanted / conversations;
        long written = 0;
        for (var id = 1; id <= conversations; id++)
        {
            var channel = PickChannel(random);
            var agent = 1 + random.Next(10);
            var timeline = Conversation(random, now, perConversation, Channels[channel - 1].Kind);
            Run(contact, ("$id", id), ("$channel", channel), ("$external", $"c{id}"), ("$at", F(timeline[0].At)));
            var lastInbound = timeline.Last(m => m.Customer).At;
            Run(conversation, ("$id", id), ("$channel", channel), ("$status", now - timeline[^1].At < TimeSpan.FromDays(2) ? "Open" : "Resolved"),
                ("$agent", agent), ("$team", 1 + (agent % 2)), ("$last", F(lastInbound)), ("$created", F(timeline[0].At)), ("$lastMessage", F(timeline[^1].At)));
            foreach (var m in timeline)
            {
                Run(message, ("$conversation", id), ("$channel", channel), ("$direction", m.Customer ? "Inbound" : "Outbound"), ("$author", m.Customer ? "Customer" : "Agent"),
                    ("$at", F(m.At)), ("$type", m.Type), ("$status", m.Customer ? "Received" : "Read"), ("$agent", m.Customer ? null : agent));
                written++;
            }
        }

        await transaction.CommitAsync();
        return written;
    }

    private sealed record Line(DateTime At, bool Customer, string? Type = null);

    /// <summary>Episodes days apart; in each, customer messages and replies after minutes to, now and then, more than a day.</summary>
    private static List<Line> Conversation(Random random, DateTime now, double perConversation, string kind)
    {
        var lines = new List<Line>();
        var at = now.AddDays(-365 * random.NextDouble()).AddDays(-1);
        var target = (int)Math.Round(perConversation * (0.5 + random.NextDouble()));
        while (lines.Count < target && at < now)
        {
            lines.Add(new Line(at, true));
            if (random.NextDouble() < 0.3)
            {
                at = at.AddSeconds(random.Next(20, 300));
                lines.Add(new Line(at, true));
            }

            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                at = at.AddDays(1 + (random.NextDouble() * 10));
                continue;
            }

            var delay = roll switch
            {
                < 0.6 => random.Next(30, 900),
                < 0.85 => random.Next(900, 3 * 3600),
                < 0.97 => random.Next(3 * 3600, 20 * 3600),
                _ => random.Next(25 * 3600, 60 * 3600),
            };
            at = at.AddSeconds(delay);
            var late = delay >= 24 * 3600;
            lines.Add(new Line(at, false, !late ? "FreeForm" : kind == "WhatsApp" ? "Template" : kind == "Line" ? "FreeForm" : "HumanAgentTag"));
            at = random.NextDouble() < 0.6 ? at.AddSeconds(random.Next(60, 1800)) : at.AddDays(1 + (random.NextDouble() * 20));
        }

        return lines.Where(l => l.At <= now).DefaultIfEmpty(new Line(now.AddHours(-1), true)).ToList();
    }

    private static int PickChannel(Random random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < Channels.Length; i++)
        {
            roll -= Channels[i].Share;
            if (roll < 0)
            {
                return i + 1;
            }
        }

        return Channels.Length;
    }

    /// <summary>EF Core's own text form of a DateTime in SQLite, so facts and scans compare correctly.</summary>
    private static string F(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
