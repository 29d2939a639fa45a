using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace KnowledgeHub.Benchmarks.Evaluation;

internal sealed record DumpQuestion(long Id, long? Asker, DateTime At, long? AcceptedAnswerId, IReadOnlyList<string> Tags, string Title, string Body, IReadOnlyDictionary<string, string> Row);

internal sealed record DumpAnswer(long Id, long ParentId, long? Author, DateTime At, IReadOnlyDictionary<string, string> Row);

/// <summary>A site's Posts.xml split as the protocol says (shared/evaldata/README.md): the older 70 % of questions are the past.</summary>
internal sealed partial class QaHistory
{
    public required IReadOnlyList<DumpQuestion> Past { get; init; }

    public required IReadOnlyList<DumpQuestion> Future { get; init; }

    /// <summary>Answers to past questions, whenever they were written: what the hub is given.</summary>
    public required IReadOnlyList<DumpAnswer> PastAnswers { get; init; }

    public required IReadOnlyDictionary<long, DumpAnswer> AllAnswers { get; init; }

    public DateTime LastPastQuestion => Past[^1].At;

    public static QaHistory Load(string path)
    {
        var questions = new List<DumpQuestion>();
        var answers = new List<DumpAnswer>();
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
            {
                row[reader.LocalName] = reader.Value;
            }

            var id = long.Parse(row["Id"], CultureInfo.InvariantCulture);
            var at = DateTime.Parse(row["CreationDate"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var owner = row.TryGetValue("OwnerUserId", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : (long?)null;
            switch (row.GetValueOrDefault("PostTypeId"))
            {
                case "1":
                    questions.Add(new DumpQuestion(
                        id, owner, at, row.TryGetValue("AcceptedAnswerId", out var accepted) ? long.Parse(accepted, CultureInfo.InvariantCulture) : null,
                        [.. TagSeparators().Split(row.GetValueOrDefault("Tags") ?? "").Where(tag => tag.Length > 0)], row.GetValueOrDefault("Title") ?? "",
                        row.GetValueOrDefault("Body") ?? "", row));
                    break;
                case "2":
                    answers.Add(new DumpAnswer(id, long.Parse(row["ParentId"], CultureInfo.InvariantCulture), owner, at, row));
                    break;
            }
        }

        var ordered = questions.OrderBy(question => question.At).ThenBy(question => question.Id).ToList();
        var pastCount = ordered.Count * 7 / 10;
        var pastIds = ordered.Take(pastCount).Select(question => question.Id).ToHashSet();
        return new QaHistory
        {
            Past = ordered[..pastCount],
            Future = ordered[pastCount..],
            PastAnswers = answers.Where(answer => pastIds.Contains(answer.ParentId) && answer.Author is not null).ToList(),
            AllAnswers = answers.ToDictionary(answer => answer.Id),
        };
    }

    /// <summary>Future questions whose accepted answer's author answered in the past and is not the asker, with that author.</summary>
    public IReadOnlyList<(DumpQuestion Question, long Expert)> Usable()
    {
        var answerers = PastAnswers.Select(answer => answer.Author!.Value).ToHashSet();
        return Future
            .Where(question => question.AcceptedAnswerId is { } accepted && AllAnswers.TryGetValue(accepted, out var answer)
                && answer.Author is { } author && answerers.Contains(author) && author != question.Asker)
            .Select(question => (question, AllAnswers[question.AcceptedAnswerId!.Value].Author!.Value))
            .ToList();
    }

    /// <summary>Writes the past alone (its questions and their answers) as a Posts.xml to import.</summary>
    public void WritePast(string path)
    {
        var settings = new XmlWriterSettings { Indent = true };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartElement("posts");
        foreach (var row in Past.Select(question => question.Row).Concat(PastAnswers.Select(answer => answer.Row)))
        {
            writer.WriteStartElement("row");
            foreach (var (name, value) in row)
            {
                writer.WriteAttributeString(name, value);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    [GeneratedRegex("[<>|]+")]
    private static partial Regex TagSeparators();
}
