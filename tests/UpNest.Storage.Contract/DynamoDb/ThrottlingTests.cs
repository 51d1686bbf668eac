using System.Net;
using System.Text;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;
using UpNest.Storage.DynamoDb;

namespace UpNest.Storage.Contract.DynamoDb;

/// <summary>Throttling injected into the SDK's own HTTP pipeline, as DynamoDB would answer it.</summary>
public sealed class ThrottlingTests : IAsyncLifetime
{
    private readonly ThrottlingHandler _throttle = new();
    private readonly ThrottledHarness _store;

    public ThrottlingTests() => _store = new ThrottledHarness(_throttle);

    public Task InitializeAsync() => _store.InitializeAsync();

    public Task DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Throttled_calls_are_retried_and_succeed_within_the_budget()
    {
        var users = _store.Get<IUserStore>();
        var user = TestData.User();

        _throttle.ThrottleNext = 3;
        await users.CreateAsync(user, CancellationToken.None);
        _throttle.ThrottleNext = 2;
        var read = await users.GetAsync(user.Id, CancellationToken.None);

        Assert.Equal(user, read);
        Assert.Equal(5, _throttle.Throttled);
    }

    [Fact]
    public async Task Throttling_past_the_budget_is_store_unavailable_with_retry_after_and_writes_nothing()
    {
        var users = _store.Get<IUserStore>();
        var user = TestData.User();

        _throttle.ThrottleNext = int.MaxValue;
        var failure = await Assert.ThrowsAsync<StoreUnavailableException>(() => users.CreateAsync(user, CancellationToken.None));
        _throttle.ThrottleNext = 0;

        Assert.Equal(5, _throttle.Throttled);
        Assert.True(failure.RetryAfter >= TimeSpan.FromSeconds(1));
        Assert.Contains("ProvisionedThroughputExceeded", failure.Cause?.GetType().Name, StringComparison.Ordinal);
        Assert.Null(await users.GetAsync(user.Id, CancellationToken.None));
        Assert.Null(await users.FindByEmailAsync(user.Email!, CancellationToken.None));
    }

    private sealed class ThrottledHarness(ThrottlingHandler throttle) : StoreHarness
    {
        private readonly DynamoDbHarness _inner = new();

        public override async Task InitializeAsync()
        {
            await _inner.InitializeAsync();
            await base.InitializeAsync();
        }

        protected override void AddStore(IServiceCollection services) =>
            services.AddDynamoDbStorage(
                DynamoDbHarness.Section(_inner.ServiceUrl, _inner.Prefix, ("BaseBackoffMilliseconds", "1"), ("MaxBackoffMilliseconds", "5")),
                config => config.HttpClientFactory = new Factory(throttle));

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await _inner.DisposeAsync();
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
    }

    /// <summary>Answers the next N requests the way DynamoDB answers a throttled one; passes the rest on.</summary>
    private sealed class ThrottlingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        public int ThrottleNext { get; set; }

        public int Throttled { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (ThrottleNext <= 0)
            {
                return base.SendAsync(request, cancellationToken);
            }
            ThrottleNext--;
            Throttled++;
            var body = """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded."}""";
            var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0"),
                RequestMessage = request,
            };
            response.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
            return Task.FromResult(response);
        }
    }
}
