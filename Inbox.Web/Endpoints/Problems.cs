using Inbox.Core.Conversations;
using Inbox.Core.Localization;

namespace Inbox.Web.Endpoints;

/// <summary>problem+json answers with a plain-language detail; a command's reason is worded in the request's language.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not allowed now", detail: detail);

    public static IResult From(CommandResult result) => new Worded(result);

    /// <summary>Words the reason when the answer is written, with the request's culture and services.</summary>
    private sealed class Worded(CommandResult result) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var detail = httpContext.RequestServices.GetRequiredService<PhraseText>()[result.Problem];
            var problem = result.Status switch
            {
                CommandStatus.NotFound => NotFound(detail),
                CommandStatus.Invalid => BadRequest(detail),
                CommandStatus.NotAllowed => Conflict(detail),
                _ => throw new InvalidOperationException($"{result.Status} is not a failure."),
            };
            return problem.ExecuteAsync(httpContext);
        }
    }
}
