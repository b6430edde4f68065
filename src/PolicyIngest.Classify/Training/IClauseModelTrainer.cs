using PolicyIngest.Classify.Model;

namespace PolicyIngest.Classify.Training;

/// <summary>
/// The one seam for training clause classifiers: cross-validation, nested CV and `train` ask a trainer for a model and the
/// model for labels, whichever learner is behind it (the project's own logistic regression today, ML.NET next).
/// </summary>
public interface IClauseModelTrainer
{
    /// <summary>What learns, for reports (e.g. "logistic regression (L-BFGS), hashed features").</summary>
    string Name { get; }

    ITrainedClauseModel Train(IReadOnlyList<LabelledClause> clauses);
}

/// <summary>A trained clause model: labels for one clause, and a file that <see cref="ClassifierModels"/> can load.</summary>
public interface ITrainedClauseModel
{
    ClauseLabels Predict(ClauseInput input);

    /// <summary>What <see cref="Save"/> writes in a models directory: a file, or a folder (an ML.NET model).</summary>
    string FileName => ClauseModel.FileName;

    void Save(string path);
}
