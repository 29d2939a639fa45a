namespace KnowledgeHub.Benchmarks.Scale;

/// <summary>One read measured at one size of its data.</summary>
/// <param name="AllocatedKilobytes">Managed memory the process allocated per request (server and client, in process), the read's own memory cost.</param>
/// <param name="WorkingSetMegabytes">The process's working set after the reads: everything the process holds, the seeding's leftovers too.</param>
internal sealed record GrowthPoint(string Read, int Size, double P50, double P99, double AllocatedKilobytes, double WorkingSetMegabytes);
