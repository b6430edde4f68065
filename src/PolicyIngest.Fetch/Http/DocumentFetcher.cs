using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using PolicyIngest.Fetch.Pipelines;

namespace PolicyIngest.Fetch.Http;

public enum FetchStatus { Downloaded, NotModified, Failed }

/// <summary>The validators remembered for a URL, sent as If-None-Match / If-Modified-Since.</summary>
public sealed record Validators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}

/// <summary>What one fetch of a URL gave, after retries and redirects.</summary>
public sealed record FetchResponse(Uri Url, FetchStatus Status)
{
    public Uri? FinalUrl { get; init; }
    public int? HttpStatus { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? Error { get; init; }
    public int Attempts { get; init; } = 1;
}

/// <summary>
/// GETs one URL politely: conditional when validators are known; redirects followed by hand and only to
/// allowed hosts; bodies capped at the source's size limit; each attempt timed out; timeouts, broken bodies and
/// 5xx retried with exponential backoff and jitter (Polly); 4xx never retried.
/// </summary>
public sealed class DocumentFetcher(HttpClient client)
{
    public const string UserAgent = "PolicyIngest/1.0 (policy catalogue; polite fetcher)";

    /// <summary>A client that never follows redirects itself (we check every hop) and never times out on its own.</summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", UserAgent } },
        };

    public async Task<FetchResponse> FetchAsync(Uri url, SourceLimits limits, Validators? validators, Politeness? politeness,
        CancellationToken cancellationToken)
    {
        if (!limits.Allows(url)) return Failed(url, null, $"host {url.Authority} is not in the allowed hosts", 0);
        var attempts = 0;
        try
        {
            var pipeline = BuildPipeline(limits);
            var result = await pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                if (politeness is not null) await politeness.WaitTurnAsync(ct).ConfigureAwait(false);
                return await AttemptAsync(url, limits, validators, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            return result with { Attempts = attempts };
        }
        catch (TimeoutRejectedException)
        {
            return Failed(url, null, $"timed out after {limits.Timeout.TotalSeconds:0.#} s ({attempts} attempts)", attempts);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(url, null, $"{OneLine(ex)} ({attempts} attempts)", attempts);
        }
    }

    private static ResiliencePipeline<FetchResponse> BuildPipeline(SourceLimits limits)
    {
        var builder = new ResiliencePipelineBuilder<FetchResponse>();
        if (limits.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<FetchResponse>
            {
                ShouldHandle = new PredicateBuilder<FetchResponse>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .HandleResult(r => r.HttpStatus is >= 500 or 408 or 429),
                MaxRetryAttempts = limits.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = limits.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(60),
            });
        }
        return builder.AddTimeout(limits.Timeout).Build();
    }

    private async Task<FetchResponse> AttemptAsync(Uri url, SourceLimits limits, Validators? validators, CancellationToken ct)
    {
        var current = url;
        var visited = new HashSet<Uri> { url };
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            // Validators belong to the URL they were remembered for, not to wherever it redirects.
            if (validators is not null && current == url)
            {
                if (validators.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
                if (validators.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;
            }
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (response.Headers.Location is not { } location) return Failed(url, status, $"HTTP {status} without a Location", 1);
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (!limits.Allows(next)) return Failed(url, status, $"redirect to {next.Authority}, which is not an allowed host", 1);
                if (!visited.Add(next)) return Failed(url, status, $"redirect loop at {next}", 1);
                if (hop + 1 > limits.MaxRedirects) return Failed(url, status, $"more than {limits.MaxRedirects} redirects", 1);
                current = next;
                continue;
            }
            if (status == 304)
            {
                return new FetchResponse(url, FetchStatus.NotModified) { FinalUrl = current, HttpStatus = status };
            }
            if (status != 200)
            {
                // 5xx and 408/429 are retried by the pipeline; the last one is returned as the failure.
                return Failed(url, status, $"HTTP {status} {response.ReasonPhrase}".TrimEnd(), 1) with { FinalUrl = current };
            }
            var declared = response.Content.Headers.ContentLength;
            if (declared > limits.MaxBytes)
                return Failed(url, status, $"{declared:N0} bytes, over the {limits.MaxBytes:N0}-byte limit", 1);
            var body = await ReadCappedAsync(response.Content, limits.MaxBytes, ct).ConfigureAwait(false);
            if (body is null) return Failed(url, status, $"body over the {limits.MaxBytes:N0}-byte limit", 1);
            if (declared is { } length && body.Length != length)
                throw new IOException($"body ended after {body.Length:N0} of {length:N0} bytes");
            return new FetchResponse(url, FetchStatus.Downloaded)
            {
                FinalUrl = current,
                HttpStatus = status,
                Body = body,
                ContentType = response.Content.Headers.ContentType?.ToString(),
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R"),
            };
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static FetchResponse Failed(Uri url, int? status, string error, int attempts) =>
        new(url, FetchStatus.Failed) { HttpStatus = status, Error = error, Attempts = attempts };

    private static string OneLine(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner.Message.Length == 0) inner = inner.InnerException;
        return inner.Message.Split('\n')[0].Trim();
    }
}

/// <summary>Spaces the starts of requests to one source by its politeness delay, whatever the concurrency.</summary>
public sealed class Politeness(TimeSpan delay, TimeProvider clock)
{
    private readonly TimeProvider _clock = clock;
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero) return;
        TimeSpan wait;
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var start = _next > now ? _next : now;
            _next = start + delay;
            wait = start - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
    }
}
