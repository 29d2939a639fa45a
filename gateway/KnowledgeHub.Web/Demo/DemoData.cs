namespace KnowledgeHub.Web.Demo;

/// <summary>The demo organisation's fixed ingredients; <see cref="DemoOrganisation"/> combines them with a fixed seed.</summary>
internal static class DemoData
{
    public const int Seed = 2026;

    public static readonly (string Code, string Name, string[] Titles, string[] Skills)[] Departments =
    [
        ("IT", "Information Technology", ["Platform Engineer", "Software Engineer", "Site Reliability Engineer", "Solution Architect"],
            ["Kubernetes", "C#", "PostgreSQL", "Terraform", "Observability", "Security"]),
        ("DATA", "Data & Analytics", ["Data Engineer", "Data Scientist", "Analytics Lead"], ["Python", "SQL", "Machine Learning", "Power BI", "Statistics"]),
        ("SALES", "Sales", ["Account Executive", "Sales Engineer", "Sales Operations Analyst"], ["Negotiation", "CRM", "Salesforce", "Pricing"]),
        ("FIN", "Finance", ["Controller", "Financial Analyst", "FP&A Lead"], ["Forecasting", "IFRS", "Excel", "SQL"]),
        ("HR", "People", ["HR Business Partner", "Talent Acquisition Lead", "Learning Designer"], ["Coaching", "Recruiting", "Workshop Facilitation"]),
        ("MKT", "Marketing", ["Content Strategist", "Growth Marketer", "Brand Manager"], ["SEO", "Copywriting", "Marketing Automation", "Power BI"]),
    ];

    public static readonly string[] FirstNames =
    [
        "Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Tim", "Radia",
        "Guido", "Hedy", "Bjarne", "Annie", "James", "Sophie", "Niklaus", "Joan", "Anders", "Mary", "Edsger", "Lynn",
        "Donald", "Shafi", "John", "Ruth", "Vint", "Elena", "Leslie", "Carla", "Yukihiro", "Jean", "Rasmus", "Evelyn",
    ];

    public static readonly string[] LastNames =
    [
        "Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen", "Berners-Lee", "Perlman",
        "van Rossum", "Lamarr", "Stroustrup", "Easley", "Gosling", "Wilson", "Wirth", "Clarke", "Hejlsberg", "Shaw", "Dijkstra", "Conway",
        "Knuth", "Goldwasser", "McCarthy", "Teitelman", "Cerf", "Petrova", "Lamport", "Meyer", "Matsumoto", "Sammet", "Lerdorf", "Berezin",
    ];

    public static readonly string[] Locations = ["Amsterdam", "Berlin", "Lisbon", "Remote", "Vienna", "Dublin"];

    public sealed record CommunityPlan(string Name, string Description, string[] Tags, string Visibility, string LeadDepartment, PostPlan[] Posts);

    public sealed record PostPlan(string Type, string Title, string Body, string[] Tags, string[] Answers);

    public static readonly CommunityPlan[] Communities =
    [
        new("Platform Engineering", "Paved roads for every team: Kubernetes, CI/CD and the golden path.", ["kubernetes", "platform", "devops"], "open", "IT",
        [
            new("article", "Our golden path for new services", "Every new service starts from the **service template**:\n\n- a health endpoint\n- OpenTelemetry wired in\n- a Helm chart with sane limits\n\nAsk in this community when something is missing.", ["kubernetes", "platform"], []),
            new("question", "How do we size memory limits for .NET services on Kubernetes?", "Our pods get OOM-killed under load. What limits do you use, and do you set `DOTNET_GCHeapHardLimit`?", ["kubernetes", "dotnet"],
                ["Start from the p99 working set plus 30%, and let the GC see the container limit: it does by default since .NET 5.", "We also cap `GCHeapAffinitizeMask` on shared nodes; it halved our tail latency."]),
            new("event", "Platform demo day", "Teams show what they shipped on the platform this quarter. Bring a demo of five minutes.", ["platform"], []),
        ]),
        new("Data & Analytics Guild", "Share models, dashboards and the tricks that make data trustworthy.", ["data", "analytics", "python"], "open", "DATA",
        [
            new("question", "Where should a new dashboard's numbers come from?", "Sales and finance report different revenue for the same month. Which source is the truth?", ["analytics", "finance"],
                ["The finance ledger is the source of truth for revenue; the CRM is for pipeline. Label dashboards with their source.", "We publish a certified revenue table every night: use `finance.revenue_daily`."]),
            new("article", "Five checks before you trust a dataset", "1. Freshness\n2. Row counts against the source\n3. Nulls in keys\n4. Duplicates\n5. A human who owns it", ["data"], []),
        ]),
        new("Security Champions", "One champion per team: threat models, dependency hygiene and incident drills.", ["security"], "closed", "IT",
        [
            new("article", "Threat modelling in 30 minutes", "Draw the data flow, mark trust boundaries, ask **STRIDE** per boundary. Write down three risks and one owner each.", ["security"], []),
        ]),
        new("Customer Insight Circle", "Sales, marketing and product learning from customers together.", ["customers", "sales", "marketing"], "open", "SALES",
        [
            new("question", "Which mid-market customers should we interview next?", "We want five interviews this month about renewals. Suggestions?", ["customers", "sales"],
                ["Start with the three accounts that downgraded last quarter; they will tell you the most."]),
        ]),
    ];

    public sealed record ObjectivePlan(string Title, string Description, string Department, int Priority, (string Title, decimal Baseline, decimal Target, decimal Current, string Unit)[] KeyResults);

    public static readonly ObjectivePlan[] Objectives =
    [
        new("Grow mid-market revenue", "Win and keep customers between 50 and 500 employees.", "SALES", 1,
            [("New mid-market customers", 0, 40, 14, "customers"), ("Net revenue retention", 98, 110, 103, "%")]),
        new("Close the books in three days", "A faster month-end close with fewer manual journals.", "FIN", 2,
            [("Days to close", 8, 3, 5, "days")]),
        new("Ship safely every day", "Any team can release on any day with confidence.", "IT", 1,
            [("Deployments per week", 20, 100, 64, "deployments"), ("Change failure rate", 15, 5, 9, "%")]),
        new("Grow our own experts", "Develop internal talent instead of hiring for every new skill.", "HR", 3,
            [("Internal moves into hard-to-fill roles", 2, 12, 5, "moves")]),
    ];

    public sealed record ProjectPlan(string Name, string Description, string Sponsor, string[] Partners, string[] Tags, decimal Planned, decimal Actual, string Status, int? Objective, string? Health);

    public static readonly ProjectPlan[] Projects =
    [
        new("Renewal radar", "Predict which customers are about to leave, and tell their account team.", "SALES", ["DATA"], ["analytics", "customers"], 320_000, 140_000, "active", 0, "green"),
        new("Self-service pricing", "Let mid-market customers configure and buy online.", "SALES", ["IT", "MKT"], ["pricing", "web"], 450_000, 260_000, "active", 0, "amber"),
        new("Continuous close", "Automate accruals and reconciliations.", "FIN", ["IT", "DATA"], ["finance", "automation"], 280_000, 90_000, "active", 1, "green"),
        new("Golden path platform", "A paved road from commit to production for every team.", "IT", ["HR"], ["kubernetes", "platform"], 600_000, 410_000, "active", 2, "red"),
        new("Intranet redesign", "A new look for the intranet home page.", "MKT", ["HR"], ["web", "content"], 180_000, 60_000, "active", null, "amber"),
        new("Office badge readers", "Replace the badge readers in two offices.", "IT", ["FIN"], ["facilities"], 95_000, 10_000, "active", null, null),
        new("Supplier onboarding", "One checklist for new suppliers, from due diligence to the first invoice.", "PROC", ["FIN"], ["purchasing"], 120_000, 35_000, "active", 1, "green"),
        new("Skills academy", "Internal courses that turn practitioners into experts.", "HR", ["IT", "DATA"], ["learning"], 150_000, 20_000, "proposed", 3, null),
    ];
}
