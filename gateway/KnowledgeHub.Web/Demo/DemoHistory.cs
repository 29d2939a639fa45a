using System.Globalization;
using System.Xml.Linq;

namespace KnowledgeHub.Web.Demo;

/// <summary>
/// Six months of questions answered across departments, for the partnership pages: colleagues of
/// nine departments ask each other through a Stack Exchange history imported into one community
/// (the only way the API takes dated answers, ADR 0044). Legal answers Operations every month and
/// is never answered back (a one-sided partnership); Procurement answers itself and once Operations
/// (a silo), and shares a project with Finance without a word between them (a silo pair).
/// </summary>
internal static class DemoHistory
{
    public const string EmailTemplate = "colleague-{id}@demo.example";

    public static readonly (string Code, string Name)[] Departments = [("LEGAL", "Legal"), ("OPS", "Operations"), ("PROC", "Procurement")];

    /// <summary>Two colleagues per department; dump user ids are 1-based positions in this list.</summary>
    public static readonly (string Department, string Name)[] Colleagues =
    [
        ("IT", "Priya Raman"), ("IT", "Tomasz Nowak"), ("DATA", "Amara Okafor"), ("DATA", "Lars Eriksen"),
        ("SALES", "Sofia Marino"), ("SALES", "Kenji Watanabe"), ("FIN", "Fatima Haddad"), ("FIN", "Oliver Brandt"),
        ("HR", "Chloe Dubois"), ("HR", "Mateo Garcia"), ("MKT", "Ingrid Holm"), ("MKT", "Samuel Mensah"),
        ("LEGAL", "Helena Novak"), ("LEGAL", "Rafael Costa"), ("OPS", "Noor Rahman"), ("OPS", "Felix Wagner"),
        ("PROC", "Yara Saleh"), ("PROC", "Piotr Kowalski"),
    ];

    public const int Months = 6;

    /// <summary>Who asks whom, in which of the past months (1 = a month ago), and how many questions a month.</summary>
    private static readonly (string Asker, string Answerer, Func<int, bool> InMonth, int PerMonth)[] Exchanges =
    [
        ("SALES", "DATA", _ => true, 1), ("DATA", "SALES", month => month % 2 == 0, 1),
        ("HR", "IT", _ => true, 1), ("IT", "HR", month => month % 2 == 1, 1),
        ("MKT", "DATA", _ => true, 1), ("DATA", "MKT", month => month % 3 == 0, 1),
        ("FIN", "IT", month => month <= 3, 1), ("IT", "FIN", month => month <= 2, 1),
        ("OPS", "LEGAL", _ => true, 2),
        ("PROC", "PROC", _ => true, 2), ("OPS", "PROC", month => month == 4, 1),
    ];

    /// <summary>What each department is asked about: title, body, tags, the answer.</summary>
    private static readonly Dictionary<string, (string Title, string Body, string Tags, string Answer)[]> Topics = new()
    {
        ["DATA"] = [
            ("Which customers renewed late this quarter?", "I need the list for the account reviews.", "<sql><customers>", "The renewals view has a `days_late` column; filter on it and group by account owner."),
            ("Can we forecast pipeline by region?", "Leadership asks for a regional forecast.", "<forecasting><analytics>", "Yes: the weekly pipeline snapshot has the region; a seasonal model per region works well."),
            ("How do I read the churn dashboard?", "The churn rate differs from last month's slides.", "<analytics><power-bi>", "The dashboard counts logo churn, the slides counted revenue churn; both are labelled now."),
        ],
        ["SALES"] = [
            ("What do customers say about the new pricing?", "We want to weigh the feedback in the model.", "<pricing><customers>", "Mostly positive for the small tiers; the enterprise tier feels expensive without support."),
            ("Who owns the renewal of the logistics accounts?", "The data shows two owners.", "<crm>", "Kenji owns them since the territory change; the CRM is fixed."),
        ],
        ["IT"] = [
            ("How do I get access to the HR system from home?", "The VPN refuses my laptop.", "<security><vpn>", "Enrol the laptop in device management first; the VPN checks it."),
            ("Can the payroll export run nightly?", "Today it is a manual export every month.", "<automation>", "Yes: we scheduled it as a job with alerts on failure; it runs at 02:00."),
            ("Which database should the close checklist use?", "We want to stop passing spreadsheets around.", "<postgresql>", "Use the shared PostgreSQL service; we set up a schema and backups for you."),
        ],
        ["HR"] = [
            ("How do we run a retrospective that people enjoy?", "Our retros feel like status meetings.", "<workshop-facilitation>", "Start with a check-in, let people write silently first, and end with one owner per action."),
            ("Which course helps new team leads?", "Two engineers step up as leads.", "<coaching>", "The leadership basics course, then pair each with a mentor from another team."),
        ],
        ["MKT"] = [
            ("Which campaigns should the attribution model cover?", "We start modelling attribution.", "<marketing-automation>", "The paid search and webinar campaigns: they carry most of the budget."),
        ],
        ["FIN"] = [
            ("How are cloud costs split across teams?", "We want cost per service.", "<forecasting>", "By the cost centre tag on each account; untagged costs go to the platform team for now."),
        ],
        ["LEGAL"] = [
            ("May we share delivery schedules with the carrier?", "The carrier asks for next month's schedule.", "<contracts>", "Yes, under the framework agreement's confidentiality clause; mark the file confidential."),
            ("Which clause covers late deliveries?", "A supplier was two weeks late.", "<contracts>", "Clause 9 (service levels): credits apply after five working days."),
            ("Do we need consent to record driver calls?", "We want to improve the dispatch script.", "<privacy>", "Yes: tell the driver at the start of the call and keep recordings for 30 days at most."),
        ],
        ["PROC"] = [
            ("Is the new laptop supplier on the approved list?", "The framework renews in spring.", "<purchasing>", "Yes, approved last month; the list in the purchasing folder is current."),
            ("What is the threshold for three quotes?", "A purchase of 12,000 euros.", "<purchasing>", "Three quotes above 10,000 euros; attach them to the purchase request."),
            ("Which carrier do we use for pallets?", "Operations asks about a new route.", "<logistics>", "The regional carrier on the framework; book through the portal."),
        ],
    };

    /// <summary>The colleagues as <c>POST /api/people/import</c> rows, so each has a department before the history arrives.</summary>
    public static object[] People() =>
        [.. Colleagues.Select((colleague, index) => new
        {
            email = Email(index + 1),
            displayName = colleague.Name,
            department = colleague.Department,
            title = "Colleague",
            location = "Remote",
        })];

    private static string Email(int userId) => EmailTemplate.Replace("{id}", userId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public static string UsersXml() =>
        new XElement("users", Colleagues.Select((colleague, index) => new XElement("row", new XAttribute("Id", index + 1), new XAttribute("DisplayName", colleague.Name)))).ToString();

    /// <summary>Questions and their answers, dated early in each of the <see cref="Months"/> calendar months before <paramref name="today"/>'s.</summary>
    public static string PostsXml(DateOnly today)
    {
        var rows = new List<XElement>();
        var asked = new Dictionary<string, int>();
        for (var month = Months; month >= 1; month--)
        {
            foreach (var (asker, answerer, inMonth, perMonth) in Exchanges.Where(exchange => exchange.InMonth(month)))
            {
                for (var number = 0; number < perMonth; number++)
                {
                    var topics = Topics[answerer];
                    var topic = topics[asked.GetValueOrDefault(answerer) % topics.Length];
                    asked[answerer] = asked.GetValueOrDefault(answerer) + 1;
                    var askedAt = new DateOnly(today.Year, today.Month, 1).AddMonths(-month).AddDays(2 + number + rows.Count % 7).ToDateTime(new TimeOnly(9, 30));
                    var questionId = rows.Count + 1;
                    // Within Procurement, the two colleagues take turns; across departments, each asks the other's first.
                    var (askerId, answererId) = asker == answerer ? (Colleague(asker, number), Colleague(answerer, number + 1)) : (Colleague(asker, number), Colleague(answerer, 0));
                    var question = Row(questionId, 1, askedAt, askerId, topic.Body);
                    question.Add(new XAttribute("Title", topic.Title), new XAttribute("Tags", topic.Tags));
                    // Odd months' answers are accepted.
                    if (month % 2 == 1)
                    {
                        question.Add(new XAttribute("AcceptedAnswerId", questionId + 1));
                    }

                    var answer = Row(questionId + 1, 2, askedAt.AddHours(3), answererId, topic.Answer);
                    answer.Add(new XAttribute("ParentId", questionId));
                    rows.Add(question);
                    rows.Add(answer);
                }
            }
        }

        return new XElement("posts", rows).ToString();
    }

    private static int Colleague(string department, int turn) =>
        Colleagues.Select((colleague, index) => (colleague.Department, Id: index + 1)).Where(colleague => colleague.Department == department).ElementAt(turn % 2).Id;

    private static XElement Row(int id, int type, DateTime createdAt, int owner, string body) =>
        new("row",
            new XAttribute("Id", id),
            new XAttribute("PostTypeId", type),
            new XAttribute("CreationDate", createdAt.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)),
            new XAttribute("OwnerUserId", owner),
            new XAttribute("Body", body));
}
