using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>Creates each job in its own DI scope (Quartz's DI integration package is not in the registry), and ends the scope with the job.</summary>
public sealed class ServiceProviderJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = scopes.CreateAsyncScope();
        var job = (IJob)ActivatorUtilities.CreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        return new ScopedJob(scope, job);
    }

    public void ReturnJob(IJob job)
    {
        if (job is ScopedJob scoped)
        {
            scoped.Scope.Dispose();
        }
    }

    private sealed class ScopedJob(AsyncServiceScope scope, IJob inner) : IJob
    {
        public AsyncServiceScope Scope => scope;

        public Task Execute(IJobExecutionContext context) => inner.Execute(context);
    }
}
