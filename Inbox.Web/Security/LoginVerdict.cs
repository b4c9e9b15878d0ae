namespace Inbox.Web.Security;

/// <summary>What <see cref="LoginGuard"/> says about a sign-in attempt before the password is checked.</summary>
public enum LoginVerdict
{
    Allowed,

    /// <summary>Too many wrong passwords for this account from this address.</summary>
    LockedOut,

    /// <summary>Too many wrong passwords for this account from all addresses in the last minute.</summary>
    AccountThrottled,
}
