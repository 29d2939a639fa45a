using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using KnowledgeHub.Testing;
using Xunit;

namespace KnowledgeHub.Communities.Tests;

/// <summary>Bodies are stored as written and rendered so that nothing in them can run in a reader's browser.</summary>
public abstract partial class MarkdownSafetyTests(CommunitiesFixture fixture)
{
    private static readonly HashSet<string> ActiveElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "object", "embed", "svg", "math", "form", "input", "button", "link", "meta", "base", "template",
    };

    private readonly TestUser _lead = TestUser.Employee("lead");

    public static TheoryData<string> HostileBodies => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "![pic](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[vb](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\" onclick=\"alert(1)\">x</div>",
        "# Title {onclick=alert(1)}",
        "<<script>script>alert(1)<</script>/script>",
        "[x](https://example.com \"title\" onmouseover=alert(1))",
        "```html\n<script>alert(1)</script>\n```",
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task No_script_can_run_from_a_post(string body)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        var post = await lead.PublishAsync(community.Id(), new { type = "article", title = "Hostile", body, tags = Array.Empty<string>() });

        Assert.Equal(body, post["body"]!.GetValue<string>());
        AssertInert(post["bodyHtml"]!.GetValue<string>());
        AssertInert((await lead.GetJsonAsync($"/api/posts/{post.Id()}"))["bodyHtml"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task The_editors_preview_is_rendered_as_a_post_would_be_and_stores_nothing(string body)
    {
        var writer = fixture.Host.CreateClient(TestUser.Employee("writer"));
        var community = await writer.CreateCommunityAsync();

        var preview = await writer.PostJsonAsync("/api/posts/preview", new { body }, System.Net.HttpStatusCode.OK);
        var published = await writer.PublishAsync(community.Id(), new { type = "article", title = "Previewed", body, tags = Array.Empty<string>() });

        AssertInert(preview["bodyHtml"]!.GetValue<string>());
        Assert.Equal(published["bodyHtml"]!.GetValue<string>(), preview["bodyHtml"]!.GetValue<string>());
        Assert.Single((await writer.GetJsonAsync($"/api/communities/{community.Id()}/posts"))["items"]!.AsArray());
    }

    [Fact]
    public async Task A_preview_names_a_missing_body()
    {
        var writer = fixture.Host.CreateClient(TestUser.Employee("writer"));

        using var response = await writer.PostAsJsonAsync("/api/posts/preview", new { body = " " }, TestContext.Current.CancellationToken);

        await response.EnsureStatusAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync())["errors"]!["body"] is not null);
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task No_script_can_run_from_an_answer(string body)
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();
        var question = await lead.PublishAsync(community.Id(), CommunityApi.Question());

        var answer = await lead.AnswerAsync(question.Id(), body);

        Assert.Equal(body, answer["body"]!.GetValue<string>());
        AssertInert(answer["bodyHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ordinary_markdown_renders_as_expected()
    {
        var lead = fixture.Host.CreateClient(_lead);
        var community = await lead.CreateCommunityAsync();

        var post = await lead.PublishAsync(community.Id(), new
        {
            type = "article",
            title = "Formatting",
            body = "**bold** and [docs](https://example.com/docs)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`",
            tags = Array.Empty<string>(),
        });

        var html = new HtmlParser().ParseDocument(post["bodyHtml"]!.GetValue<string>());
        Assert.Equal("bold", html.QuerySelector("strong")?.TextContent);
        Assert.Equal("https://example.com/docs", html.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("2", html.QuerySelectorAll("td").LastOrDefault()?.TextContent);
        Assert.Equal("code", html.QuerySelector("code")?.TextContent);
    }

    /// <summary>No element that runs or loads active content, no event handler, no style, no link but http(s), mailto or relative.</summary>
    private static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All.Where(element => element.LocalName is not ("html" or "head" or "body")))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName} {attribute.Name}> in {html}");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                if (attribute.Name is "href" or "src")
                {
                    Assert.True(IsSafeLink(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" in {html}");
                }
            }
        }
    }

    /// <summary>Browsers ignore control characters and spaces in a scheme, so they are ignored here too.</summary>
    private static bool IsSafeLink(string value)
    {
        var scheme = SchemePattern().Match(new string(value.Where(character => character > ' ').ToArray()));
        return !scheme.Success || scheme.Groups[1].Value.ToLowerInvariant() is "http" or "https" or "mailto";
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex SchemePattern();
}

public sealed class Markdown_safety_on_Sqlite(SqliteCommunities fixture) : MarkdownSafetyTests(fixture), IClassFixture<SqliteCommunities>;

public sealed class Markdown_safety_on_Postgres(PostgresCommunities fixture) : MarkdownSafetyTests(fixture), IClassFixture<PostgresCommunities>;
