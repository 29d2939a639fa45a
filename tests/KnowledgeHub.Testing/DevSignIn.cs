using System.Net;
using System.Net.Http.Headers;
using Xunit;

namespace KnowledgeHub.Testing;

/// <summary>Signs a gateway client in through the development sign-in, as a person would in a test hub.</summary>
public static class DevSignIn
{
    /// <summary>Returns <paramref name="client"/>, now sending the new person's bearer token.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, string email, string department, params string[] roles)
    {
        var token = await client.PostJsonAsync("/api/auth/dev-login", new { email, displayName = email.Split('@')[0], department, roles }, HttpStatusCode.OK);
        Assert.Equal("Bearer", token["tokenType"]!.GetValue<string>());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        return client;
    }
}
