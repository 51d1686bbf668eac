namespace UpNest.Core.Common;

/// <summary>Base of the failures the edge maps to problem details; messages never carry personal data.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The resource does not exist or the caller may not know it exists.</summary>
public sealed class NotFoundException(string resource = "resource") : DomainException($"The {resource} was not found.");

/// <summary>The caller can see the resource but its role forbids the action.</summary>
public sealed class ForbiddenException(string message = "Your role does not allow this action.") : DomainException(message);

/// <summary>A uniqueness rule was broken (duplicate email, a record that exists already).</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>An optimistic-concurrency check failed: the caller's version is stale.</summary>
public sealed class PreconditionFailedException(string message = "The resource was changed by someone else; fetch it again and retry.")
    : DomainException(message);

/// <summary>The request is well-formed but the credentials are not acceptable.</summary>
public sealed class UnauthorizedException(string message = "The credentials are not valid.") : DomainException(message);

/// <summary>The store refused work after the retry budget (throttling, transient faults).</summary>
public sealed class StoreUnavailableException(TimeSpan retryAfter, Exception? inner = null)
    : DomainException("The data store is busy; retry later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
    public Exception? Cause { get; } = inner;
}

/// <summary>Field errors, keyed by the JSON field name the client sent.</summary>
public sealed class ValidationException : DomainException
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more fields are not valid.") => Errors = errors;

    public ValidationException(string field, string error)
        : this(new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
