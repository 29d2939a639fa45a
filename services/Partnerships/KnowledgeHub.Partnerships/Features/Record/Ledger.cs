using System.Globalization;
using KnowledgeHub.Data;

namespace KnowledgeHub.Partnerships.Features.Record;

/// <summary>
/// The collaboration record and its aggregates, always changed together in the consumer's
/// transaction: a piece of help counts in <c>help_months</c> and <c>person_reach</c> exactly while it is
/// counted (both departments known, its evidence not hidden, not in a closed community, not to oneself).
/// Nothing is ever recomputed from scratch: each change subtracts what a row counted and adds what it counts now.
/// </summary>
internal static class Ledger
{
    private const string Select = """
        SELECT id AS Id, source AS Source, giver_id AS GiverId, receiver_id AS ReceiverId, project_id AS ProjectId,
               community_id AS CommunityId, occurred_at AS OccurredAt, weight AS Weight,
               giver_department AS GiverDepartment, receiver_department AS ReceiverDepartment,
               hidden AS Hidden, closed AS Closed, counted AS Counted
        FROM interactions
        """;

    /// <summary>Records a piece of help, replacing an earlier version of it (same id).</summary>
    public static async Task RecordAsync(UnitOfWork work, Interaction interaction)
    {
        await RemoveAsync(work, "id = @Id", new { interaction.Id });
        var row = new StoredRow
        {
            Id = interaction.Id,
            Source = interaction.Source,
            GiverId = interaction.GiverId,
            ReceiverId = interaction.ReceiverId,
            ProjectId = interaction.ProjectId,
            CommunityId = interaction.CommunityId,
            OccurredAt = interaction.OccurredAt,
            Weight = interaction.Weight,
        };
        var state = await ResolveAsync(work, row);
        await work.ExecuteAsync(
            """
            INSERT INTO interactions (id, kind, source, giver_id, receiver_id, post_id, community_id, project_id, detail, occurred_at, weight,
                                      giver_department, receiver_department, hidden, closed, counted)
            VALUES (@Id, @Kind, @Source, @GiverId, @ReceiverId, @PostId, @CommunityId, @ProjectId, @Detail, @OccurredAt, @Weight,
                    @GiverDepartment, @ReceiverDepartment, @Hidden, @Closed, @Counted)
            """,
            new
            {
                interaction.Id, interaction.Kind, interaction.Source, interaction.GiverId, interaction.ReceiverId, interaction.PostId,
                interaction.CommunityId, interaction.ProjectId, interaction.Detail, interaction.OccurredAt, interaction.Weight,
                state.GiverDepartment, state.ReceiverDepartment, state.Hidden, state.Closed, state.Counted,
            });
        if (state.Counted)
        {
            await AddAsync(work, row with { GiverDepartment = state.GiverDepartment, ReceiverDepartment = state.ReceiverDepartment }, +1);
        }
    }

    /// <summary>Takes the matching interactions out of the record and out of every figure.</summary>
    public static async Task RemoveAsync(UnitOfWork work, string where, object parameters)
    {
        foreach (var row in await work.QueryAsync<StoredRow>($"{Select} WHERE {where}", parameters))
        {
            if (row.Counted)
            {
                await AddAsync(work, row, -1);
            }
        }

        await work.ExecuteAsync($"DELETE FROM interactions WHERE {where}", parameters);
    }

    /// <summary>
    /// Something an interaction depends on changed (a department became known, evidence was hidden,
    /// a community closed, a project's sponsor changed): resolves the matching interactions again.
    /// </summary>
    public static async Task RefreshAsync(UnitOfWork work, string where, object parameters)
    {
        foreach (var row in await work.QueryAsync<StoredRow>($"{Select} WHERE {where}", parameters))
        {
            var state = await ResolveAsync(work, row);
            if (state == new State(row.GiverDepartment, row.ReceiverDepartment, row.Hidden, row.Closed, row.Counted))
            {
                continue;
            }

            if (row.Counted)
            {
                await AddAsync(work, row, -1);
            }

            await work.ExecuteAsync(
                """
                UPDATE interactions SET giver_department = @GiverDepartment, receiver_department = @ReceiverDepartment,
                    hidden = @Hidden, closed = @Closed, counted = @Counted
                WHERE id = @Id
                """,
                new { row.Id, state.GiverDepartment, state.ReceiverDepartment, state.Hidden, state.Closed, state.Counted });
            if (state.Counted)
            {
                await AddAsync(work, row with { GiverDepartment = state.GiverDepartment, ReceiverDepartment = state.ReceiverDepartment }, +1);
            }
        }
    }

    /// <summary>The month a piece of help counts in, as the aggregates key it.</summary>
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static async Task<State> ResolveAsync(UnitOfWork work, StoredRow row)
    {
        var giver = await DepartmentHistory.AtAsync(work, row.GiverId, row.OccurredAt);
        var receiver = row.ReceiverId is { } receiverId
            ? await DepartmentHistory.AtAsync(work, receiverId, row.OccurredAt)
            : await work.QueryOneAsync<string>("SELECT sponsor_department FROM projects WHERE id = @ProjectId", new { row.ProjectId });
        var hidden = await work.QueryOneAsync<bool?>("SELECT hidden FROM hidden_sources WHERE source = @Source", new { row.Source }) ?? false;
        var closed = row.CommunityId is not null
            && await work.QueryOneAsync<string>("SELECT visibility FROM communities WHERE id = @CommunityId", new { row.CommunityId }) == "closed";
        var counted = giver is not null && receiver is not null && !hidden && !closed && row.ReceiverId != row.GiverId;
        return new State(giver, receiver, hidden, closed, counted);
    }

    private static async Task AddAsync(UnitOfWork work, StoredRow row, int sign)
    {
        var delta = new
        {
            Giver = row.GiverDepartment,
            Receiver = row.ReceiverDepartment,
            Month = Month(row.OccurredAt),
            row.GiverId,
            Help = sign * row.Weight,
            Contributions = sign,
        };
        await work.ExecuteAsync(
            """
            INSERT INTO help_months (giver_department, receiver_department, month, help, contributions)
            VALUES (@Giver, @Receiver, @Month, @Help, @Contributions)
            ON CONFLICT (giver_department, receiver_department, month) DO UPDATE
                SET help = help_months.help + excluded.help, contributions = help_months.contributions + excluded.contributions
            """,
            delta);
        await work.ExecuteAsync(
            """
            INSERT INTO person_reach (person_id, giver_department, receiver_department, help, contributions)
            VALUES (@GiverId, @Giver, @Receiver, @Help, @Contributions)
            ON CONFLICT (person_id, giver_department, receiver_department) DO UPDATE
                SET help = person_reach.help + excluded.help, contributions = person_reach.contributions + excluded.contributions
            """,
            delta);
    }

    private sealed record State(string? GiverDepartment, string? ReceiverDepartment, bool Hidden, bool Closed, bool Counted);

    private sealed record StoredRow
    {
        public required string Id { get; init; }

        public required string Source { get; init; }

        public Guid GiverId { get; init; }

        public Guid? ReceiverId { get; init; }

        public Guid? ProjectId { get; init; }

        public Guid? CommunityId { get; init; }

        public DateTimeOffset OccurredAt { get; init; }

        public double Weight { get; init; }

        public string? GiverDepartment { get; init; }

        public string? ReceiverDepartment { get; init; }

        public bool Hidden { get; init; }

        public bool Closed { get; init; }

        public bool Counted { get; init; }
    }
}
