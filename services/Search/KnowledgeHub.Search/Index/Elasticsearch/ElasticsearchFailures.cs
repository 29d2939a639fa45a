using System.Net;
using Elastic.Transport.Products.Elasticsearch;

namespace KnowledgeHub.Search.Index.Elasticsearch;

/// <summary>
/// Turns a response the client marks invalid into an <see cref="HttpRequestException"/> that names
/// the request and the server's reason. The client does not throw itself, so each call decides here
/// which answers it expects; every failure reaches the feed follower, which retries from its position.
/// </summary>
internal static class ElasticsearchFailures
{
    public static TResponse Checked<TResponse>(this TResponse response, string request, HttpStatusCode? alsoAccepted = null)
        where TResponse : ElasticsearchResponse
    {
        var status = response.ApiCallDetails.HttpStatusCode;
        if (response.IsValidResponse || (alsoAccepted is { } accepted && status == (int)accepted))
        {
            return response;
        }

        throw response.Failure(request);
    }

    public static HttpRequestException Failure(this ElasticsearchResponse response, string request)
    {
        response.TryGetOriginalException(out var cause);
        return response.ApiCallDetails.HttpStatusCode is { } code
            ? new HttpRequestException($"Elasticsearch answered {code} to {request}: {response.ElasticsearchServerError?.Error?.ToString() ?? "no detail"}", cause, (HttpStatusCode)code)
            : new HttpRequestException($"Elasticsearch could not be reached for {request} on any configured node: {cause?.Message ?? "no response"}", cause);
    }
}
