package cn.supervision.compliance.targets;

/** The stages a special-education school may teach; a 15-year school (十五年一贯制, D03) teaches all of them. */
public enum SpecialEducationStage { PRESCHOOL, PRIMARY, JUNIOR, SENIOR }
