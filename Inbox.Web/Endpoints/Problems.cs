using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints;

/// <summary>problem+json answers with a plain-language detail.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: detail);

    public static IResult From(CommandResult result) => result.Status switch
    {
        CommandStatus.NotFound => NotFound(result.Error!),
        CommandStatus.Invalid => BadRequest(result.Error!),
        CommandStatus.NotAllowed => Conflict(result.Error!),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failure."),
    };
}
