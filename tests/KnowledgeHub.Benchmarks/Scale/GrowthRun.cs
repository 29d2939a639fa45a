namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>
/// What every curve does once its base data is written: at each size in turn, grow the data by
/// copies of the base, then measure each read; at the largest, optionally have PostgreSQL log the plans.
/// </summary>
internal sealed class GrowthRun(int requests, int warmUp, bool logPlans)
{
    /// <summary>About this many progress lines per growth step.</summary>
    private const int BatchesPerStep = 9;

    public int Requests => requests;

    /// <summary>The same reads at every size.</summary>
    public Task<IReadOnlyList<GrowthPoint>> AtEachSizeAsync(
        IGrowthCurve curve, int baseSize, IReadOnlyList<int> sizes, string connectionString, HttpClient client, IReadOnlyList<(string Name, List<string> Urls)> reads, TableCopies copies) =>
        AtEachSizeAsync(curve, baseSize, sizes, connectionString, client, _ => Task.FromResult(reads), copies);

    /// <param name="baseSize">The size the base data has (copy 0); every size is a multiple of it.</param>
    /// <param name="readsAt">The reads to time at a size, each a few URLs to cycle through.</param>
    public async Task<IReadOnlyList<GrowthPoint>> AtEachSizeAsync(
        IGrowthCurve curve,
        int baseSize,
        IReadOnlyList<int> sizes,
        string connectionString,
        HttpClient client,
        Func<int, Task<IReadOnlyList<(string Name, List<string> Urls)>>> readsAt,
        TableCopies copies)
    {
        IReadOnlyList<(string Name, List<string> Urls)> reads = [];
        var points = new List<GrowthPoint>();
        var copiesSoFar = 1;
        foreach (var size in sizes)
        {
            var needed = size / baseSize;
            if (needed > copiesSoFar)
            {
                Console.WriteLine($"  growing {curve.Name} to {size:N0} {curve.SizeUnit}");
                await copies.AddCopiesAsync(copiesSoFar, needed - 1, Math.Max(1, (needed - copiesSoFar + BatchesPerStep - 1) / BatchesPerStep));
                copiesSoFar = needed;
            }

            reads = await readsAt(size);
            foreach (var (name, urls) in reads)
            {
                points.Add(await GrowthMeasurement.MeasureAsync(client, curve.Name, name, size, urls, requests, warmUp));
            }
        }

        if (logPlans)
        {
            await QueryPlans.LogWhileAsync(connectionString, async () =>
            {
                foreach (var (name, urls) in reads)
                {
                    await GrowthMeasurement.MeasureAsync(client, $"{curve.Name}, plans", name, sizes[^1], urls, requests: 3, warmUp: 0);
                }
            });
        }

        return points;
    }
}
