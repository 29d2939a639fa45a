namespace KnowledgeHub.Data;

public static class DatabaseClock
{
    /// <summary>
    /// Now, cut to the microsecond PostgreSQL keeps, so an instant reads back exactly as written
    /// on both engines (keyset cursors compare them for equality).
    /// </summary>
    public static DateTimeOffset UtcNowForDatabase(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
