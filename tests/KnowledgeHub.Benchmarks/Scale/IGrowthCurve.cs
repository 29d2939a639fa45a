namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>A read, or a few of one module's, measured at growing sizes of its data.</summary>
internal interface IGrowthCurve
{
    string Name { get; }

    /// <summary>What the size counts (people, projects, posts).</summary>
    string SizeUnit { get; }

    Task<IReadOnlyList<GrowthPoint>> RunAsync(GrowthRun run);
}
