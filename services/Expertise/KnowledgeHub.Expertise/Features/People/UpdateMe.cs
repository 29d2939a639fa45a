using System.Security.Claims;
using System.Text;
using KnowledgeHub.Data;
using KnowledgeHub.Expertise.Features.Departments;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeHub.Expertise.Features.People;

internal static class UpdateMe
{
    internal sealed record AvailabilityRequest(bool? Mentoring, bool? Consulting, int? HoursPerWeek);

    internal sealed record Request(
        string? DisplayName,
        string? Department,
        string? Title,
        string? Location,
        string? Bio,
        string? Timezone,
        AvailabilityRequest? Availability);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/people/me", HandleAsync)
            .WithName(nameof(UpdateMe))
            .WithSummary("Replace your profile's editable fields. Send If-Match with the ETag you read to avoid overwriting another change.");

    private static async Task<Results<Ok<PersonResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Request request,
        ClaimsPrincipal user,
        ExpertiseDatabase database,
        Provisioning provisioning,
        PersonChanges changes,
        TimeProvider time,
        HttpRequest httpRequest,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var department = DepartmentCodes.Normalize(request.Department);
        var validation = new Validation()
            .CheckProfileText(request.DisplayName, request.Title, request.Location, request.Bio)
            .Require(department is not null, "department", $"'department' is a department code: {DepartmentCodes.Rule}.")
            .Require(
                request.Timezone is null || (request.Timezone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(request.Timezone, out _)),
                "timezone",
                "'timezone' must be an IANA time zone such as Europe/Berlin.")
            .Require(
                request.Availability?.HoursPerWeek is null or (>= 0 and <= 80),
                "availability.hoursPerWeek",
                "'availability.hoursPerWeek' must be between 0 and 80.")
            .IfMatch(httpRequest, out var expectedVersion);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.PersonId();
        await using var work = await database.BeginAsync(cancellationToken);
        await provisioning.EnsureAsync(work, user);
        if (!await DepartmentDirectory.ExistsAsync(work, department!))
        {
            return new Validation().Add("department", $"There is no department '{department}'.").ToProblem();
        }

        var sql = new StringBuilder(
            """
            UPDATE people SET display_name = @DisplayName, name_key = @NameKey, department = @Department, title = @Title, location = @Location,
                bio = @Bio, timezone = @Timezone, mentoring = @Mentoring, consulting = @Consulting,
                hours_per_week = @HoursPerWeek, version = version + 1, updated_at = @Now
            WHERE id = @Id
            """);
        if (expectedVersion is not null)
        {
            sql.Append(" AND version = @ExpectedVersion");
        }

        var updated = await work.ExecuteAsync(
            sql.ToString(),
            new
            {
                Id = me,
                DisplayName = request.DisplayName!.Trim(),
                NameKey = ProfileRules.NameKey(request.DisplayName),
                Department = department,
                Title = ProfileRules.Clean(request.Title),
                Location = ProfileRules.Clean(request.Location),
                Bio = ProfileRules.Clean(request.Bio),
                Timezone = ProfileRules.Clean(request.Timezone),
                Mentoring = request.Availability?.Mentoring ?? false,
                Consulting = request.Availability?.Consulting ?? false,
                request.Availability?.HoursPerWeek,
                Now = time.UtcNowForDatabase(),
                ExpectedVersion = expectedVersion,
            });
        if (updated == 0)
        {
            return Problems.PreconditionFailed();
        }

        var person = await changes.PublishAsync(work, me);
        await work.CommitAsync();
        ETags.Set(response, person.Version);
        return TypedResults.Ok(person);
    }
}
