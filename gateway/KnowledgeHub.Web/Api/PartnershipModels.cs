namespace KnowledgeHub.Web.Api;

public sealed record HealthPoint(string Month, double Health);

public sealed record DepartmentPair(
    string A, string B, double HelpAtoB, double HelpBtoA, double Reciprocity, int SharedProjects, int SharedCommunities,
    int SharedObjectives, double Health, IReadOnlyList<HealthPoint> Trend);

public sealed record PartnershipMatrix(DateOnly From, DateOnly To, IReadOnlyList<Department> Departments, IReadOnlyList<DepartmentPair> Pairs);

public sealed record SiloDepartment(string Code, double InternalShare);

public sealed record SiloPair(string A, string B, string Reason);

public sealed record Silos(IReadOnlyList<SiloDepartment> Departments, IReadOnlyList<SiloPair> Pairs);

public sealed record PersonSummary(Guid Id, string DisplayName, string Department);

public sealed record DepartmentHelped(string Code, int Contributions);

public sealed record SpannerEvidence(string Kind, string Department, string Detail, DateTimeOffset At);

public sealed record BoundarySpanner(PersonSummary Person, IReadOnlyList<DepartmentHelped> DepartmentsHelped, int Breadth, double Score, IReadOnlyList<SpannerEvidence> Evidence);

public sealed record Introduction(PersonSummary Person, IReadOnlyList<string> Reasons);

public sealed record MapNode(string Id, string Kind, string Label, double Weight, int Distance);

public sealed record MapEdge(string From, string To, string Kind, double Weight);

public sealed record SystemsMap(string Focus, int Depth, IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges);
