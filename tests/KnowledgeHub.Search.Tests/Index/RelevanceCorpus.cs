using KnowledgeHub.Search.Index;

namespace KnowledgeHub.Search.Tests.Index;

/// <summary>
/// A small organisation's searchable content, with every kind of document, for judging ranking:
/// each entry has a short key the relevance cases name as their expected answer.
/// </summary>
internal static class RelevanceCorpus
{
    private static readonly (string Key, string Type, string Title, string Body, string[] Tags, string[] Departments)[] Entries =
    [
        ("p-ada", "person", "Ada Lovelace", "Data engineer. Builds Spark pipelines and the data lake", ["spark", "python", "data-engineering"], ["IT"]),
        ("p-grace", "person", "Grace Hopper", "Compiler expert. Mentors on COBOL modernisation", ["cobol", "compilers", "mentoring"], ["IT"]),
        ("p-linus", "person", "Linus Park", "Site reliability engineer running our Kubernetes clusters", ["kubernetes", "linux", "terraform"], ["OPS"]),
        ("p-margaret", "person", "Margaret Hamilton", "Software architect for safety critical systems", ["architecture", "safety"], ["ENG"]),
        ("p-katherine", "person", "Katherine Johnson", "Financial analyst working on forecasting and budget models", ["forecasting", "excel", "budgeting"], ["FIN"]),
        ("p-alan", "person", "Alan Turing", "Machine learning researcher in NLP and classification", ["machine-learning", "nlp", "python"], ["R-AND-D"]),
        ("p-barbara", "person", "Barbara Liskov", "Backend developer: distributed systems and PostgreSQL tuning", ["postgresql", "distributed-systems", "csharp"], ["IT"]),
        ("p-hedy", "person", "Hedy Lamarr", "Security engineer for wireless networks and encryption", ["security", "networking", "encryption"], ["SEC"]),
        ("p-tim", "person", "Tim Berners", "Frontend developer who cares about accessibility and web standards", ["javascript", "accessibility", "react"], ["IT"]),
        ("p-radia", "person", "Radia Perlman", "Network engineer designing routing protocols", ["networking", "routing"], ["OPS"]),
        ("p-frances", "person", "Frances Allen", "Performance engineer: profiling and optimisation of .NET services", ["performance", "dotnet", "profiling"], ["IT"]),
        ("p-joan", "person", "Joan Clarke", "HR partner for recruiting and onboarding", ["recruiting", "onboarding"], ["HR"]),
        ("c-k8s", "community", "Kubernetes Guild", "Practitioners running containers and clusters in production", ["kubernetes", "containers"], []),
        ("c-data", "community", "Data Engineering Community", "Pipelines, warehouses and the data lake", ["data-engineering", "spark"], []),
        ("c-ml", "community", "Machine Learning Circle", "Models, experiments and MLOps", ["machine-learning"], []),
        ("c-sec", "community", "Security Champions", "Threat modelling and secure coding", ["security"], []),
        ("c-a11y", "community", "Accessibility Network", "Making our products usable for everyone", ["accessibility"], []),
        ("c-finops", "community", "FinOps Practice", "Cloud cost management and budgeting", ["finops", "budgeting"], []),
        ("c-agile", "community", "Agile Coaches", "Scrum, kanban and retrospectives", ["agile"], []),
        ("po-k8s-upgrade", "post", "How we upgraded Kubernetes to 1.30", "Step by step upgrade of our production clusters with zero downtime", ["kubernetes"], ["OPS"]),
        ("po-helm", "post", "Helm chart conventions", "Naming, values files and chart testing for Kubernetes deployments", ["kubernetes", "helm"], ["OPS"]),
        ("po-pg-index", "post", "Tuning PostgreSQL indexes", "When to use partial and covering indexes; vacuum and analyze", ["postgresql"], ["IT"]),
        ("po-pg-backup", "post", "PostgreSQL backup strategy", "Point in time recovery and WAL archiving", ["postgresql", "backup"], ["IT"]),
        ("po-spark", "post", "Spark job optimisation", "Partitioning, caching and avoiding shuffles in Spark pipelines", ["spark"], ["IT"]),
        ("po-lake", "post", "Data lake governance", "Ownership, data catalog and retention for the data lake", ["data-engineering", "governance"], ["IT"]),
        ("po-threat", "post", "Threat modelling workshop", "A session on STRIDE threat modelling for new services", ["security"], ["SEC"]),
        ("po-phishing", "post", "Phishing awareness", "How to recognise phishing emails and report them", ["security"], ["SEC"]),
        ("po-a11y", "post", "Accessible forms checklist", "Labels, focus order and error messages for screen readers", ["accessibility"], ["IT"]),
        ("po-retro", "post", "Running better retrospectives", "Formats that keep retrospectives fresh for agile teams", ["agile"], ["IT"]),
        ("po-budget", "post", "Quarterly budget forecasting", "How finance builds the rolling forecast each quarter", ["budgeting", "forecasting"], ["FIN"]),
        ("po-onboard", "post", "Onboarding new engineers", "First week plan, buddies and documentation for new joiners", ["onboarding"], ["HR"]),
        ("po-mlops", "post", "MLOps pipeline with a feature store", "Training, serving and monitoring machine learning models", ["machine-learning", "mlops"], ["R-AND-D"]),
        ("po-terraform", "post", "Terraform module registry", "Sharing reusable terraform modules across teams", ["terraform"], ["OPS"]),
        ("po-incident", "post", "Incident postmortem template", "Blameless postmortems after production incidents", ["incident-management"], ["OPS"]),
        ("po-perf", "post", "Profiling .NET services in production", "Using dotnet-trace and counters to find hot paths", ["performance", "dotnet"], ["IT"]),
        ("pr-cloud", "project", "Cloud migration programme", "Move on-premise workloads to the cloud with Kubernetes", ["cloud", "kubernetes"], ["IT", "FIN"]),
        ("pr-crm", "project", "CRM replacement", "Replace the legacy customer relationship management system", ["crm"], ["SALES", "IT"]),
        ("pr-dw", "project", "Data warehouse modernisation", "A new warehouse on the data lake with Spark", ["data-engineering"], ["IT", "FIN"]),
        ("pr-zero", "project", "Zero trust network access", "Replace the VPN with identity aware access", ["security", "networking"], ["SEC", "IT"]),
        ("pr-payroll", "project", "Payroll automation", "Automate payroll runs and reconciliation", ["automation"], ["HR", "FIN"]),
        ("pr-chatbot", "project", "Customer service chatbot", "An NLP chatbot answering customer questions", ["machine-learning", "nlp"], ["SALES", "R-AND-D"]),
        ("o-cost", "objective", "Reduce cloud costs by 20%", "Lower infrastructure spend through rightsizing and reservations", ["2026-h2"], ["FIN"]),
        ("o-nps", "objective", "Improve customer satisfaction", "Raise NPS through faster support and better self service", ["2026-h2"], ["SALES"]),
        ("o-security", "objective", "No critical security findings", "Close every critical finding within 14 days", ["2026-h2"], ["SEC"]),
        ("o-hiring", "objective", "Hire 30 engineers", "Grow engineering with a faster recruiting pipeline", ["2026-h2"], ["HR"]),
        ("o-a11y", "objective", "Accessibility compliance for all products", "Meet WCAG 2.2 AA across customer facing products", ["2026-h2"], ["IT"]),
    ];

    /// <summary>The documents, each updated a day after the previous one, and their ids by key.</summary>
    public static (IReadOnlyList<SearchDocument> Documents, IReadOnlyDictionary<Guid, string> Keys) Build()
    {
        var documents = new List<SearchDocument>();
        var keys = new Dictionary<Guid, string>();
        foreach (var (entry, day) in Entries.Select((entry, day) => (entry, day)))
        {
            var document = Docs.Make(entry.Type, entry.Title, entry.Body, entry.Tags, entry.Departments, updatedAt: Docs.Epoch.AddDays(day));
            documents.Add(document);
            keys[document.Id] = entry.Key;
        }

        return (documents, keys);
    }
}
