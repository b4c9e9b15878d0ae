namespace Inbox.Core.Reporting;

/// <summary>
/// The SQL that keeps <see cref="ResponseRollup"/> equal to the facts, for both engines in one place: triggers on
/// <c>ResponseFacts</c> that add a new fact's counts to its day and month rows and subtract a deleted one's (so the
/// event handlers' rebuild of a conversation, a full rebuild and a cascaded delete all update the roll-up in their own
/// transaction), and the backfill that computes the roll-up from the facts in one statement. Migrations and
/// <see cref="ReportingBackfill"/> run it; the engines differ only in day arithmetic, booleans and trigger syntax.
/// </summary>
public static class RollupSql
{
    private const string Columns = """
        "IsMonth", "Start", "ChannelId", "TeamId", "AgentId", "IsFirst", "Bucket", "Turns", "WithWindow", "LostIfClosed", "SavedByHumanAgent", "SavedByTemplate"
        """;

    private const string Key = """("IsMonth", "Start", "ChannelId", "TeamId", "AgentId", "IsFirst", "Bucket")""";

    /// <summary>Creates the triggers.</summary>
    public static string CreateTriggers(bool postgres) => postgres
        ? $"""
            CREATE FUNCTION "ResponseFacts_Rollup"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    {Upsert(postgres, "OLD", -1)};
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    {Upsert(postgres, "NEW", 1)};
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER "ResponseFacts_Rollup" AFTER INSERT OR UPDATE OR DELETE ON "ResponseFacts" FOR EACH ROW EXECUTE FUNCTION "ResponseFacts_Rollup"();
            """
        : $"""
            CREATE TRIGGER "ResponseFacts_Rollup_Insert" AFTER INSERT ON "ResponseFacts" BEGIN {Upsert(postgres, "NEW", 1)}; END;
            CREATE TRIGGER "ResponseFacts_Rollup_Delete" AFTER DELETE ON "ResponseFacts" BEGIN {Upsert(postgres, "OLD", -1)}; END;
            CREATE TRIGGER "ResponseFacts_Rollup_Update" AFTER UPDATE ON "ResponseFacts" BEGIN {Upsert(postgres, "OLD", -1)}; {Upsert(postgres, "NEW", 1)}; END;
            """;

    /// <summary>Drops the triggers (before a full rebuild, which then backfills in one statement).</summary>
    public static string DropTriggers(bool postgres) => postgres
        ? """
            DROP TRIGGER IF EXISTS "ResponseFacts_Rollup" ON "ResponseFacts";
            DROP FUNCTION IF EXISTS "ResponseFacts_Rollup"();
            """
        : """
            DROP TRIGGER IF EXISTS "ResponseFacts_Rollup_Insert";
            DROP TRIGGER IF EXISTS "ResponseFacts_Rollup_Delete";
            DROP TRIGGER IF EXISTS "ResponseFacts_Rollup_Update";
            """;

    /// <summary>Replaces the roll-up with the sums of the facts: day rows, then month rows.</summary>
    public static string Backfill(bool postgres) =>
        $"""
        DELETE FROM "ResponseRollups";
        {BackfillGrain(postgres, month: false)};
        {BackfillGrain(postgres, month: true)};
        """;

    private static string BackfillGrain(bool postgres, bool month)
    {
        var counts = Counts("f", 1);
        return $"""
            INSERT INTO "ResponseRollups" ({Columns})
            SELECT {Bool(postgres, month)}, {Start(postgres, "f", month)}, "ChannelId", COALESCE("TeamId", 0), COALESCE("AgentId", 0), "IsFirst", {Bucket("f")},
                   COUNT(*), SUM({counts[0]}), SUM({counts[1]}), SUM({counts[2]}), SUM({counts[3]})
            FROM "ResponseFacts" f
            GROUP BY {Start(postgres, "f", month)}, "ChannelId", COALESCE("TeamId", 0), COALESCE("AgentId", 0), "IsFirst", {Bucket("f")}
            """;
    }

    /// <summary>Adds <paramref name="sign"/> × one fact (<paramref name="row"/>: NEW or OLD) to its day and month rows.</summary>
    private static string Upsert(bool postgres, string row, int sign)
    {
        var counts = Counts(row, sign);
        string Values(bool month) =>
            $"""({Bool(postgres, month)}, {Start(postgres, row, month)}, {row}."ChannelId", COALESCE({row}."TeamId", 0), COALESCE({row}."AgentId", 0), {row}."IsFirst", {Bucket(row)}, {sign}, {string.Join(", ", counts)})""";
        var table = postgres ? "\"ResponseRollups\"." : "";
        return $"""
            INSERT INTO "ResponseRollups" ({Columns}) VALUES {Values(false)}, {Values(true)}
            ON CONFLICT {Key} DO UPDATE SET "Turns" = {table}"Turns" + excluded."Turns", "WithWindow" = {table}"WithWindow" + excluded."WithWindow",
                "LostIfClosed" = {table}"LostIfClosed" + excluded."LostIfClosed", "SavedByHumanAgent" = {table}"SavedByHumanAgent" + excluded."SavedByHumanAgent",
                "SavedByTemplate" = {table}"SavedByTemplate" + excluded."SavedByTemplate"
            """;
    }

    /// <summary>WithWindow, LostIfClosed, SavedByHumanAgent, SavedByTemplate of one fact, as <see cref="FactQueries.WindowsLostAsync"/> counts them once the window closed.</summary>
    private static string[] Counts(string row, int sign)
    {
        var lost = $"""{row}."WindowClosesAt" IS NOT NULL AND ({row}."RespondedAt" IS NULL OR {row}."RespondedAt" >= {row}."WindowClosesAt")""";
        var saved = $"""{lost} AND {row}."RespondedAt" IS NOT NULL AND {row}."ResponseType" = """;
        return
        [
            $"""CASE WHEN {row}."WindowClosesAt" IS NOT NULL THEN {sign} ELSE 0 END""",
            $"CASE WHEN {lost} THEN {sign} ELSE 0 END",
            $"CASE WHEN {saved}'HumanAgentTag' THEN {sign} ELSE 0 END",
            $"CASE WHEN {saved}'Template' THEN {sign} ELSE 0 END",
        ];
    }

    private static string Bucket(string row) =>
        $"""CASE WHEN {row}."RespondedAt" IS NULL THEN {RollupBuckets.Unanswered} WHEN {row}."ResponseSeconds" IS NULL THEN {RollupBuckets.NoSeconds} ELSE {RollupBuckets.Sql($"{row}.\"ResponseSeconds\"")} END""";

    /// <summary>UTC midnight of the fact's day or month. SQLite stores instants as <c>yyyy-MM-dd HH:mm:ss…</c> text, as EF writes them.</summary>
    private static string Start(bool postgres, string row, bool month) => postgres
        ? $"""date_trunc('{(month ? "month" : "day")}', {row}."ReceivedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"""
        : month ? $"""substr({row}."ReceivedAt", 1, 7) || '-01 00:00:00'""" : $"""substr({row}."ReceivedAt", 1, 10) || ' 00:00:00'""";

    private static string Bool(bool postgres, bool value) => postgres ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0");
}
